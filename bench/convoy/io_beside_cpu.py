"""The convoy effect: an I/O thread's throughput alone and beside CPU-bound
threads, for several sizes of operation.

    <interpreter> bench/convoy/io_beside_cpu.py [--sizes 1,4096,65536]
                                                [--ops N] [--budget SECONDS]

Each operation is a round trip through a forked echo process: write SIZE
bytes down a pipe, then read SIZE bytes back. The read blocks until the
child answers, so the interpreter gives up the GIL on every operation and
must take it back to continue: alone that is cheap, but beside a thread
that spins in a Python loop, CPython makes the returning thread wait for
the spinner's switch interval (bpo-7946, the convoy effect). A last row
uses time.sleep(0.0002) as the operation, the I/O a thread does when it
waits on something slow.

For each operation the same thread measures ops/s alone, beside one and
beside two CPU-bound threads, all in this one process, stopping each
measurement after N ops or its time budget. Prints one `result {json}` line
per operation. Runs unchanged under CPython.
"""

import json
import os
import sys
import threading
import time


def option(name, default, kind):
    if name in sys.argv:
        return kind(sys.argv[sys.argv.index(name) + 1])
    return default


def spin(stop):
    n = 0
    while not stop:
        for i in range(200):
            n += i


def start_echo_child(size):
    """Fork a process that sends back whatever it reads; returns
    (pid, fd to write to it, fd to read its answers from)."""
    down_r, down_w = os.pipe()
    up_r, up_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(down_w)
        os.close(up_r)
        while True:
            chunk = os.read(down_r, size)
            if not chunk:
                os._exit(0)
            view = chunk
            while view:
                view = view[os.write(up_w, view):]
    os.close(down_r)
    os.close(up_w)
    return pid, down_w, up_r


def pipe_ops(size, ops, budget):
    """Round trips of [size] bytes; returns (ops done, seconds)."""
    pid, to_child, from_child = start_echo_child(size)
    payload = b'x' * size
    done = 0
    start = time.perf_counter()
    deadline = start + budget
    try:
        while done < ops and time.perf_counter() < deadline:
            view = payload
            while view:
                view = view[os.write(to_child, view):]
            got = 0
            while got < size:
                got += len(os.read(from_child, size - got))
            done += 1
        elapsed = time.perf_counter() - start
    finally:
        os.close(to_child)
        os.close(from_child)
        os.waitpid(pid, 0)
    return done, elapsed


def sleep_ops(ops, budget):
    done = 0
    start = time.perf_counter()
    deadline = start + budget
    while done < ops and time.perf_counter() < deadline:
        time.sleep(0.0002)
        done += 1
    return done, time.perf_counter() - start


def beside(spinners, fn, *args):
    stop = []
    workers = [threading.Thread(target=spin, args=(stop,), daemon=True)
               for _ in range(spinners)]
    for w in workers:
        w.start()
    # Let the spinners get going, so that they hold the GIL when we start.
    time.sleep(0.01)
    try:
        return fn(*args)
    finally:
        stop.append(True)
        for w in workers:
            w.join()


def report(name, fn, *args):
    row = {'op': name}
    for spinners, key in ((0, 'alone'), (1, 'beside_1cpu'), (2, 'beside_2cpu')):
        done, elapsed = beside(spinners, fn, *args)
        row[key + '_ops_per_s'] = round(done / elapsed, 1) if elapsed > 0 else None
    alone = row['alone_ops_per_s']
    for key in ('beside_1cpu', 'beside_2cpu'):
        value = row[key + '_ops_per_s']
        row[key + '_pct'] = round(100.0 * value / alone, 2) if alone and value else None
    print('result ' + json.dumps(row), flush=True)


def main():
    sizes = [int(s) for s in option('--sizes', '1,4096,65536', str).split(',')]
    ops = option('--ops', 2000, int)
    budget = option('--budget', 2.0, float)
    for size in sizes:
        label = '%d B' % size if size < 1024 else '%d KiB' % (size // 1024)
        report('pipe round trip, ' + label, pipe_ops, size, ops, budget)
    report('time.sleep(0.0002)', sleep_ops, ops // 2, budget)


if __name__ == '__main__':
    main()
