"""Futures and executors, as CPython's concurrent.futures (threads only).

A Future is a result that will exist later; ThreadPoolExecutor runs
callables on a pool of worker threads and hands back Futures. Waiting on a
Future is a threading.Condition wait, so it releases the GIL.
"""

import _thread
import threading
import time
import queue as _queue

__all__ = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'InvalidStateError', 'BrokenExecutor', 'Future', 'Executor',
           'ThreadPoolExecutor', 'wait', 'as_completed']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_RUNNING = 'RUNNING'
_CANCELLED = 'CANCELLED'
_CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
_FINISHED = 'FINISHED'


class Error(Exception):
    pass


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in the Future's current state."""


class BrokenExecutor(RuntimeError):
    pass


class Future:
    """The result of an asynchronous computation."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                print('exception calling callback for %r' % (self,))
                _thread._print_exception(exc)

    def __repr__(self):
        with self._condition:
            if self._state == _FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        self.__class__.__name__, id(self), self._state.lower(),
                        self._exception.__class__.__name__)
                return '<%s at %#x state=%s returned %s>' % (
                    self.__class__.__name__, id(self), self._state.lower(),
                    self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (self.__class__.__name__, id(self),
                                              self._state.lower())

    def cancel(self):
        with self._condition:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == _RUNNING

    def done(self):
        with self._condition:
            return self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED)

    def __get_result(self):
        if self._exception:
            raise self._exception
        return self._result

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as exc:
            print('exception calling callback for %r' % (self,))
            _thread._print_exception(exc)

    def result(self, timeout=None):
        with self._condition:
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == _FINISHED:
                return self.__get_result()
            self._condition.wait(timeout)
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == _FINISHED:
                return self.__get_result()
            raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == _FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == _FINISHED:
                return self._exception
            raise TimeoutError()

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                self._state = _CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == _PENDING:
                self._state = _RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        with self._condition:
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._result = result
            self._state = _FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (_CANCELLED, _CANCELLED_AND_NOTIFIED, _FINISHED):
                raise InvalidStateError('%s: %r' % (self._state, self))
            self._exception = exception
            self._state = _FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


class _Waiter:
    """Collects finished futures for wait() and as_completed()."""

    def __init__(self, mode, count):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished = []
        self.mode = mode
        self.remaining = count

    def _add(self, future, failed):
        with self.lock:
            self.finished.append(future)
            self.remaining -= 1
            if (self.mode == FIRST_COMPLETED or self.remaining <= 0
                    or (self.mode == FIRST_EXCEPTION and failed)):
                self.event.set()

    def add_result(self, future):
        self._add(future, False)

    def add_exception(self, future):
        self._add(future, True)

    def add_cancelled(self, future):
        self._add(future, self.mode == FIRST_EXCEPTION)


def _done_now(futures):
    return set(f for f in futures if f._state in (_CANCELLED_AND_NOTIFIED, _FINISHED))


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits for futures: returns (done, not_done) sets."""
    fs = set(fs)
    done = _done_now(fs)
    not_done = fs - done
    if return_when == FIRST_COMPLETED and done:
        return DoneAndNotDoneFutures(done, not_done)
    if return_when == FIRST_EXCEPTION and any(
            f._state == _FINISHED and f._exception is not None for f in done):
        return DoneAndNotDoneFutures(done, not_done)
    if len(done) == len(fs):
        return DoneAndNotDoneFutures(done, not_done)
    waiter = _Waiter(return_when, len(not_done))
    for f in not_done:
        with f._condition:
            if f._state in (_CANCELLED_AND_NOTIFIED, _FINISHED):
                waiter._add(f, f._exception is not None)
            else:
                f._waiters.append(waiter)
    waiter.event.wait(timeout)
    for f in not_done:
        with f._condition:
            if waiter in f._waiters:
                f._waiters.remove(waiter)
    done.update(waiter.finished)
    return DoneAndNotDoneFutures(done, fs - done)


class DoneAndNotDoneFutures(tuple):
    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]


def as_completed(fs, timeout=None):
    """Yields futures as they finish; TimeoutError if the timeout passes first."""
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total = len(fs)
    finished = _done_now(fs)
    pending = fs - finished
    waiter = _Waiter(FIRST_COMPLETED, len(pending))
    for f in pending:
        with f._condition:
            # A future may have finished since _done_now() looked: hand it to
            # the waiter directly, or its completion would never be seen.
            if f._state in (_CANCELLED_AND_NOTIFIED, _FINISHED):
                waiter._add(f, f._exception is not None)
            else:
                f._waiters.append(waiter)
    try:
        yield from finished
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                batch = waiter.finished
                waiter.finished = []
                waiter.event.clear()
            if not batch and timeout is not None and end_time - time.monotonic() < 0:
                raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            for f in batch:
                if f in pending:
                    pending.remove(f)
                    yield f
    finally:
        for f in fs:
            with f._condition:
                if waiter in f._waiters:
                    f._waiters.remove(waiter)


class Executor:
    """The base class of executors."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if timeout is not None:
            end_time = timeout + time.monotonic()
        futures = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                futures.reverse()
                while futures:
                    if timeout is None:
                        yield futures.pop().result()
                    else:
                        yield futures.pop().result(end_time - time.monotonic())
            finally:
                for future in futures:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class _WorkItem:

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


class ThreadPoolExecutor(Executor):
    """Runs submitted callables on up to max_workers threads."""

    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            import os
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        ThreadPoolExecutor._counter += 1
        self._max_workers = max_workers
        self._work_queue = _queue.SimpleQueue()
        self._idle = threading.Semaphore(0)
        self._threads = set()
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or (
            'ThreadPoolExecutor-%d' % ThreadPoolExecutor._counter)
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            f = Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        if self._idle.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            name = '%s_%d' % (self._thread_name_prefix, num_threads)
            t = threading.Thread(name=name, target=self._worker, daemon=True)
            t.start()
            self._threads.add(t)

    def _worker(self):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException as exc:
                _thread._print_exception(exc)
                return
        while True:
            item = self._work_queue.get()
            if item is None:
                self._work_queue.put(None)
                return
            item.run()
            del item
            self._idle.release()

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work_queue.get_nowait()
                    except _queue.Empty:
                        break
                    if item is not None:
                        item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
