# N file reads whose data arrives late, done one after another, with one
# thread each and with one coroutine each, next to the ideal. Runs unchanged
# under gilpy and CPython.
#
# Why FIFOs: a regular file read comes from the page cache in microseconds,
# so it measures memcpy, not waiting. Each reader here opens a named pipe
# (os.mkfifo) whose writer -- a helper thread that only sleeps -- sends its
# data DELAY seconds after the reader opened it. The reader's wait is a real
# blocked read(2) in the kernel, like a slow disk or network file system:
# threads overlap only if the read releases the GIL, coroutines only if the
# read is served off the loop's thread.
#
# Coroutines: on gilpy, gilpy.aio.read_file (libuv's threadpool on the
# asyncio loop). CPython has no awaitable file I/O: there the coroutines use
# loop.run_in_executor with a pool of N threads. The output says which.
#
# Usage: overlap_files.py [N] [DELAY]       (default 20 0.2)
import asyncio
import concurrent.futures
import os
import sys
import tempfile
import threading
import time

from overlap_sleep import measure, report

try:
    from gilpy import aio
except ImportError:
    aio = None

PAYLOAD = b'x' * 4096


class Fifos:
    """N FIFOs in a temporary directory, each with a writer thread that
    waits for its reader, sleeps [delay], writes PAYLOAD and closes."""

    def __init__(self, n, delay):
        self.dir = tempfile.TemporaryDirectory()
        self.paths = [os.path.join(self.dir.name, 'fifo%d' % i) for i in range(n)]
        for p in self.paths:
            os.mkfifo(p)
        self.delay = delay
        self.writers = [threading.Thread(target=self._write, args=(p,)) for p in self.paths]
        for w in self.writers:
            w.start()

    def _write(self, path):
        with open(path, 'wb') as f:  # returns once the reader has opened it
            time.sleep(self.delay)
            f.write(PAYLOAD)

    def close(self):
        for w in self.writers:
            w.join()
        self.dir.cleanup()


def read_whole(path):
    with open(path, 'rb') as f:
        return f.read()


def timed(variant, n, delay):
    fifos = Fifos(n, delay)
    try:
        start = time.perf_counter()
        datas = variant(fifos.paths)
        elapsed = time.perf_counter() - start
    finally:
        fifos.close()
    if datas != [PAYLOAD] * n:
        raise RuntimeError('wrong data read')
    return elapsed


def sequential(paths):
    return [read_whole(p) for p in paths]


def threads(paths):
    datas = [None] * len(paths)

    def worker(i):
        datas[i] = read_whole(paths[i])
    workers = [threading.Thread(target=worker, args=(i,)) for i in range(len(paths))]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return datas


def coroutines(paths):
    async def all_reads():
        if aio is not None:
            return await asyncio.gather(*(aio.read_file(p) for p in paths))
        loop = asyncio.get_running_loop()
        with concurrent.futures.ThreadPoolExecutor(len(paths)) as pool:
            return await asyncio.gather(*(loop.run_in_executor(pool, read_whole, p)
                                          for p in paths))
    return list(asyncio.run(all_reads()))


def coroutine_flavour():
    return 'gilpy.aio.read_file' if aio is not None else 'run_in_executor, a thread per read'


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    delay = float(sys.argv[2]) if len(sys.argv) > 2 else 0.2
    results = [('sequential', measure(timed, sequential, n, delay)),
               ('threads', measure(timed, threads, n, delay)),
               ('coroutines', measure(timed, coroutines, n, delay))]
    report('%d FIFO reads, data %g s late, on %s %s (coroutines: %s)'
           % (n, delay, sys.implementation.name, sys.version.split()[0], coroutine_flavour()),
           results, n, delay)


if __name__ == '__main__':
    main()
