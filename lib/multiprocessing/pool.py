"""multiprocessing.Pool: a fixed set of forked worker processes.

Design: one task pipe shared by the workers (reads serialised by a
process-shared lock) and one result pipe per worker. A worker announces each
job it takes before running it, so when a worker dies (killed, crashed) the
parent knows which job was lost: the EOF on that worker's result pipe fails
the job with an error instead of leaving get() waiting forever. One daemon
thread per worker reads its result pipe in the parent; those reads release
the GIL, so the parent's own threads keep running.
"""

import os
import sys
import threading
import marshal as _wire
import multiprocessing as _mp

__all__ = ['Pool', 'AsyncResult', 'MapResult', 'ApplyResult']


class RemoteTraceback(Exception):
    pass


class WorkerLostError(_mp.ProcessError):
    """The worker running a job died before returning its result."""


class ApplyResult:
    """The eventual result of apply_async()."""

    def __init__(self, pool, callback=None, error_callback=None):
        self._pool = pool
        self._event = threading.Event()
        self._callback = callback
        self._error_callback = error_callback
        self._success = None
        self._value = None

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise _mp.TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, success, value):
        self._success = success
        self._value = value
        if success and self._callback is not None:
            self._callback(value)
        if not success and self._error_callback is not None:
            self._error_callback(value)
        self._event.set()


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The eventual list of map_async(): one entry per input item."""

    def __init__(self, pool, count, callback=None, error_callback=None):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._values = [None] * count
        self._remaining = count
        self._failed = False
        if count == 0:
            self._success = True
            self._value = []
            self._event.set()

    def _set_item(self, index, success, value):
        if self._failed:
            return
        if not success:
            self._failed = True
            self._set(False, value)
            return
        self._values[index] = value
        self._remaining -= 1
        if self._remaining == 0:
            self._set(True, self._values)


def _worker_main(task_queue, result_fd, initializer, initargs):
    """Runs in a worker process: take jobs until the None sentinel."""
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = task_queue.get()
        except (EOFError, OSError):
            return
        if task is None:
            return
        job, func, args, kwds = task
        _send(result_fd, ('start', job))
        try:
            value = (True, func(*args, **kwds))
        except Exception as exc:
            value = (False, exc)
        try:
            data = _wire.dumps(('done', job, value[0], value[1]))
        except Exception as exc:
            data = _wire.dumps(('done', job, False,
                                _mp.ProcessError('cannot send result: %s' % exc)))
        _send_bytes(result_fd, data)


def _send_bytes(fd, data):
    n = len(data)
    _mp._write_all(fd, bytes([n & 255, (n >> 8) & 255, (n >> 16) & 255, (n >> 24) & 255]) + data)


def _send(fd, obj):
    _send_bytes(fd, _wire.dumps(obj))


class Pool:
    """Pool(processes=None, initializer=None, initargs=()): worker processes for jobs."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._tasks = _mp.SimpleQueue()
        self._lock = threading.Lock()
        self._jobs = {}       # job id -> (result, index or None)
        self._job_counter = 0
        self._state = 'RUN'
        self._workers = []    # (pid, result read fd, reader thread)
        self._running = {}    # pid -> job id currently running
        _mp._flush_std_streams()
        for _ in range(processes):
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_fd)
                code = 0
                try:
                    _worker_main(self._tasks, write_fd, initializer, initargs)
                except BaseException:
                    code = 1
                _mp._flush_std_streams()
                os._exit(code)
            os.close(write_fd)
            reader = threading.Thread(target=self._read_results, args=(pid, read_fd),
                                      daemon=True)
            self._workers.append((pid, read_fd, reader))
            reader.start()

    # -- parent side: results

    def _read_results(self, pid, fd):
        conn = _mp.Connection(fd, None)
        while True:
            try:
                message = _wire.loads(conn.recv_bytes())
            except (EOFError, OSError):
                break
            if message[0] == 'start':
                with self._lock:
                    self._running[pid] = message[1]
            else:
                _, job, success, value = message
                with self._lock:
                    self._running.pop(pid, None)
                self._finish(job, success, value)
        conn.close()
        # The pipe closed: the worker exited. If it held a job, that job is lost.
        with self._lock:
            job = self._running.pop(pid, None)
            alive = [w for w in self._workers if w[0] != pid]
        if job is not None:
            self._finish(job, False, WorkerLostError(
                'worker process %d died while running a job' % pid))
        if self._state == 'RUN' and job is not None:
            self._fail_if_no_workers(pid)

    def _fail_if_no_workers(self, dead_pid):
        # Lost workers are not replaced yet: once all are gone, pending jobs fail.
        self._dead = getattr(self, '_dead', set())
        self._dead.add(dead_pid)
        if len(self._dead) == len(self._workers):
            with self._lock:
                pending = list(self._jobs)
            for job in pending:
                self._finish(job, False, WorkerLostError('all worker processes died'))

    def _finish(self, job, success, value):
        with self._lock:
            entry = self._jobs.pop(job, None)
        if entry is None:
            return
        result, index = entry
        if index is None:
            result._set(success, value)
        else:
            result._set_item(index, success, value)

    def _submit(self, func, args, kwds, result, index):
        with self._lock:
            self._job_counter += 1
            job = self._job_counter
            self._jobs[job] = (result, index)
        self._tasks.put((job, func, tuple(args), dict(kwds)))

    def _check_running(self):
        if self._state != 'RUN':
            raise ValueError("Pool not running")

    # -- the public API

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit(func, args, kwds, result, None)
        return result

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        items = list(iterable)
        result = MapResult(self, len(items), callback, error_callback)
        for index, item in enumerate(items):
            self._submit(func, (item,), {}, result, index)
        return result

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        items = [tuple(args) for args in iterable]
        result = MapResult(self, len(items), callback, error_callback)
        for index, args in enumerate(items):
            self._submit(func, args, {}, result, index)
        return result

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        results = [self.apply_async(func, (item,)) for item in iterable]
        return (r.get() for r in results)

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        results = [self.apply_async(func, (item,)) for item in iterable]
        return _unordered(results)

    def close(self):
        if self._state == 'RUN':
            self._state = 'CLOSE'
            for _ in self._workers:
                self._tasks.put(None)

    def terminate(self):
        self._state = 'TERMINATE'
        for pid, _, _ in self._workers:
            try:
                os.kill(pid, _mp._SIGTERM)
            except OSError:
                pass
        self._reap()
        with self._lock:
            pending = list(self._jobs)
        for job in pending:
            self._finish(job, False, WorkerLostError('pool terminated'))

    def join(self):
        if self._state == 'RUN':
            raise ValueError("Pool is still running")
        self._reap()

    def _reap(self):
        for pid, _, reader in self._workers:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
            reader.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()


def _unordered(results):
    pending = list(results)
    while pending:
        for r in pending:
            if r.ready():
                pending.remove(r)
                yield r.get()
                break
        else:
            pending[0].wait(0.001)
