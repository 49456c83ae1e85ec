"""Threads and the synchronisation objects built on them.

Design notes
------------
Everything here stands on the C module _thread (src/mod/thread.c), which
gives us OS threads, plain and reentrant locks, thread idents and native
ids. Every blocking call in this file ends in a _thread lock acquire: the C
side drops the GIL for the wait and lets Ctrl-C reach the main thread.

Waits are labelled for the GIL trace (-X gil-trace): a lock's _acquire_as
(kind, timeout) blocks like acquire() but records *why* the thread waits.
Condition._wait(timeout, kind) carries that label through a condition wait;
Thread.join() uses the "join" kind and lib/queue.py the "queue" kind (it
also sets Semaphore._wait_kind on its own subclass).

A Condition keeps one private, already-held lock per sleeping thread; a
notify releases some of them. This is the simplest scheme that gives FIFO
wake-ups and timeouts without any extra machinery in C.

Thread.start() is on the hot path of thread-heavy programs, so a Thread
keeps plain boolean flags instead of Event objects, and start() returns as
soon as the OS thread exists rather than waiting to hear from it. join()
waits on the thread's end lock (_end), which _thread holds from the start
and releases in C as the thread's last act, whatever its Python code did:
a thread that ran out of memory on its way out still lets its joiners go.
The Python side sets _stopped first, so most joins never block at all.
tests/trace/check_trace.py watches Condition._waiters and Thread._end, so
those private names stay.

Left out: thread groups (group must be None), and the deprecated
_shutdown_locks machinery of CPython. settrace() records a hook that
sys.settrace refuses when a thread starts (gilpy has no line tracing yet).
"""

import _thread
import _weakref
import sys
from operator import attrgetter as _attrgetter
from time import monotonic as _clock

__all__ = ['get_ident', 'get_native_id', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer',
           'ThreadError', 'ExceptHookArgs', 'excepthook', 'local', 'setprofile', 'settrace',
           'activeCount', 'currentThread', 'stack_size']

# Straight re-exports of the C module.
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _thread.allocate_lock

# The labels a wait can carry in the GIL trace ("blocked: lock", "blocked:
# join", "blocked: queue"). lib/queue.py reads _WAIT_QUEUE from here.
_WAIT_LOCK = _thread._WAIT_LOCK
_WAIT_JOIN = _thread._WAIT_JOIN
_WAIT_QUEUE = _thread._WAIT_QUEUE

_new_lock = _thread.allocate_lock
_ReentrantLock = _thread.RLock
_launch = _thread._start_new_thread_handle


def RLock(*args, **kwargs):
    """Return a lock that its owner may take several times over."""
    return _ReentrantLock(*args, **kwargs)


# The hooks that settrace()/setprofile() install for threads started later.
_hooks = {'trace': None, 'profile': None}


def settrace(func):
    _hooks['trace'] = func


def setprofile(func):
    _hooks['profile'] = func


def _deadline_after(timeout):
    # None means "no deadline"; a number becomes an absolute clock reading.
    return None if timeout is None else _clock() + timeout


def _left_until(deadline):
    return None if deadline is None else deadline - _clock()


# ---------------------------------------------------------------------------
# Condition
# ---------------------------------------------------------------------------

class Condition:
    """Lets threads sleep until another one, holding the same lock, wakes them."""

    def __init__(self, lock=None):
        self._lock = RLock() if lock is None else lock
        # Bound straight to the lock's methods so that acquire/release cost
        # no extra Python frame.
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        # One held private lock per sleeper, oldest first.
        self._waiters = []

    # `with cond:` must never leave the lock held. Were __exit__ a Python
    # method, calling it at the end of the block would need a frame and an
    # args tuple, and a MemoryError there would skip the release and hang
    # every other thread. So both are properties whose getter is a C
    # attrgetter: the `with` statement resolves them on entry, before the
    # lock is taken, to the lock's own C methods, and leaving the block is
    # then one C call that allocates nothing.
    __enter__ = property(_attrgetter('_lock.__enter__'))
    __exit__ = property(_attrgetter('_lock.__exit__'))

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _held_by_me(self):
        probe = getattr(self._lock, '_is_owned', None)
        if probe is not None:
            return probe()
        # A plain lock cannot say who holds it; if we can take it, nobody did.
        if not self._lock.acquire(False):
            return True
        self._lock.release()
        return False

    def _drop_lock(self):
        # Releases the lock completely before sleeping and returns how many
        # times it had been taken, so that _retake_lock can restore it.
        if not isinstance(self._lock, _ReentrantLock):
            self._lock.release()
            return 1
        depth = 0
        while self._lock._is_owned():
            self._lock.release()
            depth += 1
        return depth

    def _retake_lock(self, depth, kind):
        # Getting the lock back is still part of the labelled wait.
        lock = self._lock
        while depth > 0:
            if kind == _WAIT_LOCK:
                lock.acquire()
            else:
                lock._acquire_as(kind)
            depth -= 1

    def wait(self, timeout=None):
        return self._wait(timeout, _WAIT_LOCK)

    def _wait(self, timeout, kind):
        """wait(), but the GIL trace names the wait [kind]."""
        if not self._held_by_me():
            raise RuntimeError("cannot wait on un-acquired lock")
        bell = _new_lock()
        bell.acquire()
        self._waiters.append(bell)
        depth = self._drop_lock()
        woken = False
        try:
            if timeout is None:
                bell._acquire_as(kind)
                woken = True
            elif timeout > 0:
                woken = bell._acquire_as(kind, timeout)
            else:
                woken = bell.acquire(False)
            return woken
        finally:
            self._retake_lock(depth, kind)
            if not woken and bell in self._waiters:
                # Timed out (or interrupted): nobody rang, so leave the line.
                self._waiters.remove(bell)

    def wait_for(self, predicate, timeout=None):
        return self._wait_for(predicate, timeout, _WAIT_LOCK)

    def _wait_for(self, predicate, timeout, kind):
        deadline = _deadline_after(timeout)
        outcome = predicate()
        while not outcome:
            remaining = _left_until(deadline)
            if remaining is not None and remaining <= 0:
                break
            self._wait(remaining, kind)
            outcome = predicate()
        return outcome

    def notify(self, n=1):
        if not self._held_by_me():
            raise RuntimeError("cannot notify on un-acquired lock")
        sleepers = self._waiters
        while n > 0 and sleepers:
            sleepers.pop(0).release()
            n -= 1

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


# ---------------------------------------------------------------------------
# Semaphores, Event
# ---------------------------------------------------------------------------

def _plain_condition():
    # Our own objects never re-enter their condition, so a plain lock does.
    return Condition(Lock())


def _instance_tag(obj):
    # "module.QualName at 0x..." as the reprs below begin.
    cls = type(obj)
    return "%s.%s at 0x%x" % (cls.__module__, cls.__qualname__, id(obj))


class Semaphore:
    """A counter: acquire() takes one unit, waiting while none is left."""

    # The GIL trace label of a blocked acquire; queue.SimpleQueue overrides it.
    _wait_kind = _WAIT_LOCK

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = _plain_condition()
        self._value = value

    def __repr__(self):
        return "<%s: value=%d>" % (_instance_tag(self), self._value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        cond = self._cond
        with cond:
            if blocking and self._value == 0:
                deadline = _deadline_after(timeout)
                while self._value == 0:
                    remaining = _left_until(deadline)
                    if remaining is not None and remaining <= 0:
                        return False
                    cond._wait(remaining, self._wait_kind)
            if self._value == 0:
                return False
            self._value -= 1
            return True

    __enter__ = acquire

    def _check_count(self, n):
        if n < 1:
            raise ValueError('n must be one or more')

    def release(self, n=1):
        self._check_count(n)
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore whose value may never rise above where it started."""

    def __init__(self, value=1):
        super().__init__(value)
        self._ceiling = value

    def release(self, n=1):
        self._check_count(n)
        with self._cond:
            if self._value + n > self._ceiling:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)

    def __repr__(self):
        return "<%s: value=%d/%d>" % (_instance_tag(self), self._value, self._ceiling)


class Event:
    """A boolean that threads can sleep on until it becomes true."""

    def __init__(self):
        self._cond = _plain_condition()
        self._flag = False

    def __repr__(self):
        return "<%s: %s>" % (_instance_tag(self), 'set' if self._flag else 'unset')

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

    def _flag_up(self):
        return self._flag

    def wait(self, timeout=None):
        with self._cond:
            return self._flag or self._cond.wait_for(self._flag_up, timeout)


# ---------------------------------------------------------------------------
# Barrier
# ---------------------------------------------------------------------------

class BrokenBarrierError(RuntimeError):
    pass


# A barrier cycles FILLING -> DRAINING -> FILLING. RESETTING is DRAINING
# caused by reset(); BROKEN stays until reset() or the last thread leaves.
_FILLING, _DRAINING, _RESETTING, _BROKEN = 'filling', 'draining', 'resetting', 'broken'


class Barrier:
    """Holds threads until `parties` of them have called wait()."""

    def __init__(self, parties, action=None, timeout=None):
        # CPython 3.11 accepts any parties value here, and so do we.
        self._cond = _plain_condition()
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._phase = _FILLING
        self._inside = 0   # threads currently inside wait()

    def _not_filling(self):
        return self._phase != _FILLING

    def _leaving_done(self):
        return self._phase not in (_DRAINING, _RESETTING)

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        cond = self._cond
        with cond:
            # Threads of the previous round must all be out before we join.
            cond.wait_for(self._leaving_done)
            if self._phase == _BROKEN:
                raise BrokenBarrierError
            index = self._inside
            self._inside += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                elif not cond.wait_for(self._not_filling, timeout):
                    self._break()
                    raise BrokenBarrierError
                elif self._phase != _DRAINING:
                    raise BrokenBarrierError
                return index
            finally:
                self._inside -= 1
                if self._inside == 0 and self._phase in (_DRAINING, _RESETTING):
                    self._phase = _FILLING
                    cond.notify_all()

    def _trip(self):
        # The last arrival runs the action; if it fails, nobody passes.
        try:
            if self._action:
                self._action()
        except BaseException:
            self._break()
            raise
        self._phase = _DRAINING
        self._cond.notify_all()

    def _break(self):
        self._phase = _BROKEN
        self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._inside == 0:
                self._phase = _FILLING
            elif self._phase != _DRAINING:
                self._phase = _RESETTING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._inside if self._phase == _FILLING else 0

    @property
    def broken(self):
        return self._phase == _BROKEN


# ---------------------------------------------------------------------------
# The registry of threads
# ---------------------------------------------------------------------------

# _running maps ident -> Thread for threads that have reached their
# bootstrap; _starting holds threads between start() and that moment.
# _registry_lock guards both (reentrant: current_thread may be called while
# it is held, through a _DummyThread).
_registry_lock = RLock()
_running = {}
_starting = {}
_serial = [0]


def _next_name(pattern):
    _serial[0] += 1
    return pattern % _serial[0]


def _all_threads():
    return list(_running.values()) + list(_starting.values())


# ---------------------------------------------------------------------------
# Uncaught exceptions
# ---------------------------------------------------------------------------

class ExceptHookArgs:
    """What excepthook() gets: exc_type, exc_value, exc_traceback, thread."""

    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def _as_tuple(self):
        return (self.exc_type, self.exc_value, self.exc_traceback, self.thread)

    def __iter__(self):
        return iter(self._as_tuple())

    def __len__(self):
        return 4

    def __getitem__(self, index):
        return self._as_tuple()[index]


def excepthook(args):
    """Report an exception that escaped a thread's run() on stderr."""
    err = sys.stderr
    if args.exc_type == SystemExit or err is None:
        return
    who = get_ident() if args.thread is None else args.thread.name
    err.flush()
    print("Exception in thread %s:" % who, file=err, flush=True)
    _thread._print_exception(args.exc_value)
    err.flush()


__excepthook__ = excepthook


def _report_uncaught(thread, exc):
    try:
        excepthook(ExceptHookArgs(type(exc), exc, exc.__traceback__, thread))
    except BaseException as hook_failure:
        print("Exception in threading.excepthook:", file=sys.stderr, flush=True)
        _thread._print_exception(hook_failure)


# ---------------------------------------------------------------------------
# Thread
# ---------------------------------------------------------------------------

class Thread:
    """One thread of control: give it a target, or subclass it and override run()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        assert group is None, "group argument must be None for now"
        if name:
            name = str(name)
        else:
            name = _next_name("Thread-%d")
            label = getattr(target, '__name__', None) if target is not None else None
            if label is not None:
                name = "%s (%s)" % (name, label)
        self._target = target
        self._args = args
        self._kwargs = {} if kwargs is None else kwargs
        self._name = name
        self._daemonic = current_thread().daemon if daemon is None else daemon
        self._ident = None
        self._native_id = None
        self._handle = None      # _thread's handle, asked for native_id early
        self._end = None         # held until the thread has ended (see above)
        self._launched = False
        self._stopped = False
        self._stderr = sys.stderr
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        if self._stopped:
            state = "stopped"
        elif self._launched:
            state = "started"
        else:
            state = "initial"
        words = [state]
        if self._daemonic:
            words.append("daemon")
        if self._ident is not None:
            words.append(str(self._ident))
        return "<%s(%s, %s)>" % (type(self).__name__, self._name, " ".join(words))

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._launched:
            raise RuntimeError("threads can only be started once")
        with _registry_lock:
            _starting[self] = self
        try:
            # No hand-shake with the new thread: the C side already knows
            # its ident, and native_id can be read from the handle later.
            self._ident, self._handle, self._end = _launch(self._bootstrap, ())
        except BaseException:
            with _registry_lock:
                _starting.pop(self, None)
            raise
        self._launched = True

    def run(self):
        call = self._target
        try:
            if call is not None:
                call(*self._args, **self._kwargs)
        finally:
            # Drop references so a finished thread does not keep them alive.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        # Runs in the new thread. start() let go of the GIL while the OS
        # thread was being made, so we may be here before it stored our
        # ident: fill it in ourselves.
        me = None
        try:
            me = self._ident = get_ident()
            self._native_id = get_native_id()
            sys._gil_trace_name(self._name)
            with _registry_lock:
                _running[me] = self
                _starting.pop(self, None)
            if _hooks['trace']:
                sys.settrace(_hooks['trace'])
            if _hooks['profile']:
                sys.setprofile(_hooks['profile'])
            try:
                self.run()
            except BaseException as exc:
                _report_uncaught(self, exc)
        finally:
            # Unregister first: once join() returns, enumerate() and
            # active_count() must no longer count this thread.
            try:
                with _registry_lock:
                    _running.pop(me, None)
                _forget_thread_locals(me)
            finally:
                # A store into an existing attribute: cannot fail. _thread
                # releases self._end after this returns.
                self._stopped = True

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._launched:
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._stopped:
            return
        end = self._end
        if timeout is None:
            ended = end._acquire_as(_WAIT_JOIN)
        elif timeout > 0:
            ended = end._acquire_as(_WAIT_JOIN, timeout)
        else:
            ended = end.acquire(False)
        if ended:
            end.release()
            self._stopped = True

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
            # Started, but the new thread has not run its bootstrap yet.
            self._native_id = self._handle.native_id()
        return self._native_id

    def is_alive(self):
        if not self._launched or self._stopped:
            return False
        # A thread whose bootstrap never ran (no memory to call it) has only
        # its end lock to tell that it is gone.
        if self._end is not None and not self._end.locked():
            self._stopped = True
            return False
        return True

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._launched:
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


class Timer(Thread):
    """Runs function(*args, **kwargs) after `interval` seconds unless cancelled."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = [] if args is None else args
        self.kwargs = {} if kwargs is None else kwargs
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        cancelled = self.finished.wait(self.interval)
        if not cancelled:
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _AdoptedThread(Thread):
    # A Thread object for an OS thread that is already running.

    def _adopt(self):
        self._launched = True
        # Held for as long as the thread runs: the main thread's is let go
        # by _shutdown(), so a thread can join() the main one.
        self._end = _thread.allocate_lock()
        self._end.acquire()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _registry_lock:
            _running[self._ident] = self


class _MainThread(_AdoptedThread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._adopt()


class _DummyThread(_AdoptedThread):
    """Stands for a thread that this module did not start."""

    def __init__(self):
        Thread.__init__(self, name=_next_name("Dummy-%d"), daemon=True)
        self._adopt()

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


def current_thread():
    thread = _running.get(get_ident())
    return _DummyThread() if thread is None else thread


currentThread = current_thread


def active_count():
    with _registry_lock:
        return len(_running) + len(_starting)


activeCount = active_count


def enumerate():
    with _registry_lock:
        return _all_threads()


_main_thread = _MainThread()


def main_thread():
    return _main_thread


def _shutdown():
    """Called by the runtime at exit: wait for every non-daemon thread."""
    main = _main_thread
    if main._stopped:
        return
    main._stopped = True
    if main._end.locked():
        main._end.release()
    while True:
        with _registry_lock:
            waiting_for = [t for t in _all_threads()
                           if t is not _main_thread and t._launched
                           and not t._daemonic and not t._stopped]
        if not waiting_for:
            return
        for thread in waiting_for:
            thread.join()


def _after_fork():
    """Called by the runtime in a forked child, where only one thread survives."""
    global _registry_lock, _main_thread
    # Any lock may have been held by a thread that the child does not have.
    _registry_lock = RLock()
    me = get_ident()
    survivor = _running.get(me, _main_thread)
    for thread in _all_threads():
        if thread is not survivor:
            thread._stopped = True
    survivor._ident = me
    survivor._native_id = get_native_id()
    _running.clear()
    _starting.clear()
    _running[me] = survivor
    _main_thread = survivor


# ---------------------------------------------------------------------------
# Thread-local data
# ---------------------------------------------------------------------------

# Attribute names that local keeps on the shared object itself.
_PER_THREAD = '_local__per_thread'
_INIT_ARGS = '_local__init_args'


# Every live local, by id, through a weak reference: a thread that ends
# drops its namespace from each (_forget_thread_locals), so that its values
# are freed with it and a later thread that gets the same ident starts
# empty, as CPython's locals do.
_live_locals = {}


def _forget_thread_locals(ident):
    for ref in list(_live_locals.values()):
        loc = ref()
        if loc is not None:
            object.__getattribute__(loc, _PER_THREAD).pop(ident, None)


class local:
    """An object whose attributes are separate for every thread."""

    def __new__(cls, *args, **kw):
        custom_init = cls.__init__ is not object.__init__
        if (args or kw) and not custom_init:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, _PER_THREAD, {get_ident(): {}})
        object.__setattr__(self, _INIT_ARGS, (args, kw))
        key = id(self)
        _live_locals[key] = _weakref.ref(self, lambda ref, key=key: _live_locals.pop(key, None))
        return self

    def _local__namespace(self):
        # This thread's attribute dict; a thread's first touch creates it
        # and runs a subclass __init__ on it, as each thread starts afresh.
        table = object.__getattribute__(self, _PER_THREAD)
        me = get_ident()
        namespace = table.get(me)
        if namespace is None:
            namespace = table[me] = {}
            init = type(self).__init__
            if init is not object.__init__:
                args, kw = object.__getattribute__(self, _INIT_ARGS)
                init(self, *args, **kw)
        return namespace

    def __getattribute__(self, name):
        if name.startswith('_local__'):
            return object.__getattribute__(self, name)
        namespace = local._local__namespace(self)
        if name == '__dict__':
            return namespace
        if name in namespace:
            return namespace[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError("%r object attribute '__dict__' is read-only"
                                 % type(self).__name__)
        local._local__namespace(self)[name] = value

    def __delattr__(self, name):
        namespace = local._local__namespace(self)
        if name not in namespace:
            raise AttributeError(name)
        del namespace[name]
