"""Thread objects and synchronisation primitives, as CPython's threading module.

gilpy's implementation, written on top of the C module _thread. Every
blocking wait here ends up in a _thread lock acquire, which releases the
GIL while it waits and is interruptible by Ctrl-C in the main thread.
"""

import _thread
import sys
from time import monotonic as _time

__all__ = ['get_ident', 'get_native_id', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer',
           'ThreadError', 'ExceptHookArgs', 'excepthook', 'local', 'setprofile', 'settrace',
           'activeCount', 'currentThread', 'stack_size']

_start_new_thread = _thread.start_new_thread
_start_new_thread_handle = _thread._start_new_thread_handle
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
# What a wait is for, as the GIL trace names it (-X gil-trace: "blocked: lock",
# "blocked: join", "blocked: queue"); see Condition._wait.
_WAIT_LOCK = _thread._WAIT_LOCK
_WAIT_JOIN = _thread._WAIT_JOIN
_WAIT_QUEUE = _thread._WAIT_QUEUE

Lock = _thread.allocate_lock
_CRLock = _thread.RLock


def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may acquire it again."""
    return _CRLock(*args, **kwargs)


_profile_hook = None
_trace_hook = None


def setprofile(func):
    global _profile_hook
    _profile_hook = func


def settrace(func):
    global _trace_hook
    _trace_hook = func


class Condition:
    """A condition variable: wait() releases the lock until notify()."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _is_owned(self):
        owned = getattr(self._lock, '_is_owned', None)
        if owned is not None:
            return owned()
        # A plain lock: owned if it cannot be taken right now.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def _release_save(self):
        # Fully release the lock (all recursion levels) and remember how deep.
        count = 0
        while self._is_owned():
            self._lock.release()
            count += 1
            if not isinstance(self._lock, _CRLock):
                break
        return count

    def _acquire_restore(self, count, kind=_WAIT_LOCK):
        # Taking the lock back after a labelled wait is part of that wait.
        acquire = self._lock.acquire if kind == _WAIT_LOCK else self._lock._acquire_as
        for _ in range(count):
            if kind == _WAIT_LOCK:
                acquire()
            else:
                acquire(kind)

    def wait(self, timeout=None):
        return self._wait(timeout, _WAIT_LOCK)

    def _wait(self, timeout, kind):
        # wait(), with the wait labelled [kind] in the GIL trace: Thread.join()
        # and the queue module say what they wait for; the public API is
        # CPython's.
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter._acquire_as(kind)
                gotit = True
            elif timeout > 0:
                gotit = waiter._acquire_as(kind, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved, kind)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        return self._wait_for(predicate, timeout, _WAIT_LOCK)

    def _wait_for(self, predicate, timeout, kind):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self._wait(waittime, kind)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = self._waiters[:n]
        for waiter in woken:
            waiter.release()
            try:
                self._waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


class Semaphore:
    """A counter that acquire() decrements, waiting while it is zero."""

    _wait_kind = _WAIT_LOCK  # how the GIL trace names a wait (queue.SimpleQueue: queue)

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return "<%s.%s at 0x%x: value=%d>" % (self.__class__.__module__,
                                               self.__class__.__qualname__, id(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond._wait(timeout, self._wait_kind)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for _ in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for _ in range(n):
                self._cond.notify()


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        status = 'set' if self._flag else 'unset'
        return "<%s.%s at 0x%x: %s>" % (self.__class__.__module__,
                                         self.__class__.__qualname__, id(self), status)

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait_for(lambda: self._flag, timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Lets a fixed number of threads wait for each other."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0  # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


_counter_value = 0


def _newname(name_template="Thread-%d"):
    global _counter_value
    _counter_value += 1
    return name_template % _counter_value


_active_limbo_lock = RLock()
_active = {}    # ident -> Thread, for started threads
_limbo = {}     # Thread -> Thread, between start() and the thread running
_dangling = set()
_shutdown_locks_lock = _allocate_lock()


class ExceptHookArgs:
    """What threading.excepthook receives: exc_type, exc_value, exc_traceback, thread."""

    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __iter__(self):
        return iter((self.exc_type, self.exc_value, self.exc_traceback, self.thread))

    def __len__(self):
        return 4

    def __getitem__(self, index):
        return (self.exc_type, self.exc_value, self.exc_traceback, self.thread)[index]


def excepthook(args):
    """Prints an exception that escaped Thread.run(), as CPython does."""
    if args.exc_type == SystemExit:
        return
    stderr = sys.stderr
    if stderr is None:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    stderr.flush()
    print("Exception in thread %s:" % name, file=stderr, flush=True)
    _thread._print_exception(args.exc_value)
    stderr.flush()


__excepthook__ = excepthook


class Thread:
    """A thread of control: pass a target or override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += " (%s)" % target_name
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._handle = None
        self._started = Event()
        self._is_stopped = False
        self._finished = Condition(Lock())
        self._initialized = True
        self._stderr = sys.stderr

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            # Returns as soon as the OS thread exists. Waiting until the new
            # thread runs (CPython waits on _started) would cost a GIL
            # hand-over to it and back for every start(); nothing needs it:
            # ident is known here and native_id is fetched when asked for.
            self._ident, self._handle = _start_new_thread_handle(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.set()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            # start() releases the GIL while the OS thread is created, so this
            # may run before start() has stored the ident: take it here too.
            self._ident = get_ident()
            self._native_id = get_native_id()
            sys._gil_trace_name(self._name)  # the GIL trace's track name (docs/trace.md)
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            if _trace_hook:
                sys.settrace(_trace_hook)
            try:
                self.run()
            except BaseException as exc:
                _invoke_excepthook(self, exc)
        finally:
            # Leave _active before waking joiners, so that after join()
            # returns the thread is gone from enumerate() and active_count().
            with _active_limbo_lock:
                try:
                    del _active[get_ident()]
                except KeyError:
                    pass
            self._stop()

    def _stop(self):
        with self._finished:
            self._is_stopped = True
            self._finished.notify_all()

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        with self._finished:
            if timeout is not None:
                timeout = max(timeout, 0)
            self._finished._wait_for(lambda: self._is_stopped, timeout, _WAIT_JOIN)

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)
        sys._gil_trace_name(self._name, self._ident)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        if self._native_id is None and self._handle is not None:
            # Started, but the thread has not reached _bootstrap yet.
            self._native_id = self._handle.native_id()
        return self._native_id

    def is_alive(self):
        return self._started.is_set() and not self._is_stopped

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


def _invoke_excepthook(thread, exc):
    hook = excepthook
    try:
        hook(ExceptHookArgs(type(exc), exc, exc.__traceback__, thread))
    except BaseException as hook_exc:
        print("Exception in threading.excepthook:", file=sys.stderr, flush=True)
        _thread._print_exception(hook_exc)


class Timer(Thread):
    """Calls a function after a number of seconds, unless cancel() comes first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread that threading did not start."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


currentThread = current_thread


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


activeCount = active_count


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


_main_thread = _MainThread()


def main_thread():
    return _main_thread


def _shutdown():
    """Waits for every non-daemon thread; the runtime calls it at exit."""
    if _main_thread._is_stopped:
        return
    _main_thread._stop()
    while True:
        with _active_limbo_lock:
            pending = [t for t in _enumerate()
                       if t is not _main_thread and not t.daemon and not t._is_stopped
                       and t._started.is_set()]
        if not pending:
            break
        for thread in pending:
            thread.join()


def _after_fork():
    """Runs in a forked child: only the forking thread survives, as main thread."""
    global _active_limbo_lock, _main_thread
    # Locks may have been held by threads that do not exist in the child.
    _active_limbo_lock = RLock()
    ident = get_ident()
    current = _active.get(ident)
    if current is None:
        current = _main_thread
    for thread in list(_active.values()) + list(_limbo.values()):
        if thread is current:
            continue
        thread._finished = Condition(Lock())
        thread._is_stopped = True
    current._finished = Condition(Lock())
    current._ident = ident
    current._native_id = get_native_id()
    _active.clear()
    _limbo.clear()
    _active[ident] = current
    _main_thread = current


class local:
    """Thread-local data: each thread sees its own attributes."""

    def __new__(cls, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__ or cls.__init__ is local.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__dicts', {get_ident(): {}})
        object.__setattr__(self, '_local__args', (args, kw))
        return self

    def _local__dict(self):
        dicts = object.__getattribute__(self, '_local__dicts')
        key = get_ident()
        d = dicts.get(key)
        if d is None:
            # First touch from this thread: a fresh namespace, initialised
            # by the subclass's __init__ as CPython does.
            d = {}
            dicts[key] = d
            init = type(self).__init__
            if init is not object.__init__ and init is not local.__init__:
                args, kw = object.__getattribute__(self, '_local__args')
                init(self, *args, **kw)
        return d

    def __getattribute__(self, name):
        if name.startswith('_local__'):
            return object.__getattribute__(self, name)
        d = local._local__dict(self)
        if name == '__dict__':
            return d
        if name in d:
            return d[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("%r object attribute '__dict__' is read-only"
                                 % self.__class__.__name__)
        local._local__dict(self)[name] = value

    def __delattr__(self, name):
        d = local._local__dict(self)
        try:
            del d[name]
        except KeyError:
            raise AttributeError(name)
