"""Process-based parallelism, as CPython's multiprocessing (fork start method).

Each Process is a fork() of the running interpreter: it has its own GIL, so
CPU-bound work in several processes runs in parallel on several cores.
Values cross between processes over pipes in gilpy's wire format (the
marshal module; see docs/wire-format.md): None, bool, int, float, str,
bytes, tuple, list, dict, set, exceptions, and module-level functions and
classes by reference.

Locks and queues shared between processes are built from pipes: a lock is
a pipe holding one token byte, so acquiring is a blocking one-byte read and
releasing writes the byte back. Every blocking read releases the GIL.
"""

import os
import sys
import marshal as _wire
import _thread
import threading

__all__ = ['Process', 'Pool', 'Queue', 'SimpleQueue', 'JoinableQueue', 'Pipe', 'Lock', 'RLock',
           'cpu_count', 'current_process', 'active_children',
           'parent_process', 'TimeoutError', 'ProcessError', 'AuthenticationError',
           'BufferTooShort', 'get_start_method', 'set_start_method', 'get_context']


# Linux signal numbers (the signal module is not available yet).
_SIGTERM = 15
_SIGKILL = 9


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


def cpu_count():
    n = os.cpu_count()
    if n is None:
        raise NotImplementedError('cannot determine number of cpus')
    return n


def get_start_method(allow_none=False):
    return 'fork'


def set_start_method(method, force=False):
    if method != 'fork':
        raise ValueError('gilpy supports only the fork start method')


def get_all_start_methods():
    return ['fork']


def _flush_std_streams():
    # Unflushed output would otherwise be written twice, by parent and child.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError):
            pass


def _write_all(fd, data):
    view = data
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _read_exact(fd, n):
    chunks = []
    while n > 0:
        chunk = os.read(fd, n)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b''.join(chunks)


def _close_fd(fd):
    try:
        os.close(fd)
    except OSError:
        pass


# ---------------------------------------------------------------- connections

class Connection:
    """One end of a Pipe: send() and recv() whole values."""

    def __init__(self, read_fd, write_fd):
        self._read_fd = read_fd
        self._write_fd = write_fd
        self.closed = False

    def _check(self):
        if self.closed:
            raise OSError("handle is closed")

    def send_bytes(self, data):
        self._check()
        if self._write_fd is None:
            raise OSError("connection is read-only")
        n = len(data)
        _write_all(self._write_fd, bytes([n & 255, (n >> 8) & 255, (n >> 16) & 255,
                                          (n >> 24) & 255]) + bytes(data))

    def recv_bytes(self):
        self._check()
        if self._read_fd is None:
            raise OSError("connection is write-only")
        header = _read_exact(self._read_fd, 4)
        n = header[0] | header[1] << 8 | header[2] << 16 | header[3] << 24
        return _read_exact(self._read_fd, n)

    def send(self, obj):
        self.send_bytes(_wire.dumps(obj))

    def recv(self):
        return _wire.loads(self.recv_bytes())

    def fileno(self):
        return self._read_fd if self._read_fd is not None else self._write_fd

    def close(self):
        if not self.closed:
            self.closed = True
            if self._read_fd is not None:
                _close_fd(self._read_fd)
            if self._write_fd is not None and self._write_fd != self._read_fd:
                _close_fd(self._write_fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        pass


def Pipe(duplex=True):
    """Returns (conn1, conn2): two connected ends."""
    r1, w1 = os.pipe()
    if not duplex:
        return Connection(r1, None), Connection(None, w1)
    r2, w2 = os.pipe()
    return Connection(r1, w2), Connection(r2, w1)


# ---------------------------------------------------------------- locks

class Lock:
    """A lock shared between processes: a pipe holding one token byte."""

    def __init__(self):
        self._read_fd, self._write_fd = os.pipe()
        os.write(self._write_fd, b'L')
        self._owner = None

    def acquire(self, block=True, timeout=None):
        if not block or timeout is not None:
            raise NotImplementedError("multiprocessing.Lock supports blocking acquire only")
        os.read(self._read_fd, 1)
        self._owner = (os.getpid(), threading.get_ident())
        return True

    def release(self):
        if self._owner is None:
            raise ValueError("semaphore or lock released too many times")
        self._owner = None
        os.write(self._write_fd, b'L')

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class RLock(Lock):
    """A re-entrant process-shared lock."""

    def __init__(self):
        Lock.__init__(self)
        self._count = 0

    def acquire(self, block=True, timeout=None):
        me = (os.getpid(), threading.get_ident())
        if self._owner == me:
            self._count += 1
            return True
        Lock.acquire(self, block, timeout)
        self._count = 1
        return True

    def release(self):
        if self._owner != (os.getpid(), threading.get_ident()):
            raise AssertionError("attempt to release recursive lock not owned by thread")
        self._count -= 1
        if self._count == 0:
            Lock.release(self)


# ---------------------------------------------------------------- queues

class SimpleQueue:
    """A queue between processes: one pipe, whole messages, locked ends."""

    def __init__(self):
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()

    def put(self, obj):
        data = _wire.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def get(self):
        with self._rlock:
            data = self._reader.recv_bytes()
        return _wire.loads(data)

    def empty(self):
        return not os._poll_readable(self._reader.fileno(), 0)

    def close(self):
        self._reader.close()
        self._writer.close()


class Queue:
    """A FIFO between processes; get() may time out (queue.Empty)."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._simple = SimpleQueue()

    def put(self, obj, block=True, timeout=None):
        self._simple.put(obj)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if block and timeout is None:
            return self._simple.get()
        import queue as _queue
        import time
        deadline = time.monotonic() + (timeout if block else 0)
        with self._simple._rlock:
            remaining = max(deadline - time.monotonic(), 0)
            if not os._poll_readable(self._simple._reader.fileno(), remaining):
                raise _queue.Empty
            data = self._simple._reader.recv_bytes()
        return _wire.loads(data)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return self._simple.empty()

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


JoinableQueue = Queue


# ---------------------------------------------------------------- processes

_current_process = None
_children = {}
_process_counter = 0


class Process:
    """A child process running target(*args, **kwargs)."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *,
                 daemon=None):
        global _process_counter
        assert group is None, 'group argument must be None for now'
        _process_counter += 1
        self._identity = (_process_counter,)
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs) if kwargs else {}
        self._name = name or 'Process-%d' % _process_counter
        self._daemonic = bool(daemon) if daemon is not None else False
        self._popen_pid = None
        self._exitcode = None
        self._parent_pid = os.getpid()

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._popen_pid is not None:
            raise AssertionError('cannot start a process twice')
        if self._parent_pid != os.getpid():
            raise AssertionError('can only start a process object created by current process')
        _flush_std_streams()
        pid = os.fork()
        if pid == 0:
            code = self._bootstrap()
            _flush_std_streams()
            os._exit(code)
        self._popen_pid = pid
        _children[pid] = self

    def _bootstrap(self):
        global _current_process, _children
        _current_process = self
        _children = {}
        self._popen_pid = os.getpid()
        try:
            self.run()
            return 0
        except SystemExit as exc:
            code = exc.code
            if code is None:
                return 0
            if isinstance(code, int):
                return code
            sys.stderr.write(str(code) + '\n')
            return 1
        except BaseException as exc:
            sys.stderr.write('Process %s:\n' % self._name)
            sys.stderr.flush()
            _thread._print_exception(exc)
            return 1

    def _poll(self, block):
        if self._exitcode is None and self._popen_pid is not None:
            try:
                pid, status = os.waitpid(self._popen_pid, 0 if block else os.WNOHANG)
            except ChildProcessError:
                return self._exitcode
            if pid == self._popen_pid:
                self._exitcode = os.waitstatus_to_exitcode(status)
                _children.pop(pid, None)
        return self._exitcode

    def join(self, timeout=None):
        if self._popen_pid is None:
            raise AssertionError('can only join a started process')
        if timeout is None:
            self._poll(True)
            return
        import time
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while self._poll(False) is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            time.sleep(min(delay, remaining))
            delay = min(delay * 2, 0.05)

    def is_alive(self):
        if self._popen_pid is None or self._popen_pid == os.getpid():
            return self._popen_pid is not None
        return self._poll(False) is None

    def terminate(self):
        if self._popen_pid is not None and self._exitcode is None:
            try:
                os.kill(self._popen_pid, _SIGTERM)
            except ProcessLookupError:
                pass

    def kill(self):
        if self._popen_pid is not None and self._exitcode is None:
            try:
                os.kill(self._popen_pid, _SIGKILL)
            except ProcessLookupError:
                pass

    def close(self):
        pass

    @property
    def exitcode(self):
        if self._popen_pid is None:
            return None
        return self._poll(False)

    @property
    def pid(self):
        return self._popen_pid

    ident = pid

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, value):
        self._daemonic = value

    def __repr__(self):
        if self._popen_pid is None:
            status = 'initial'
        elif self._exitcode is None:
            status = 'started'
        else:
            status = 'stopped exitcode=%s' % self._exitcode
        return '<%s name=%r %s%s>' % (type(self).__name__, self._name, status,
                                      ' daemon' if self._daemonic else '')


class _MainProcess(Process):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._daemonic = False
        self._popen_pid = os.getpid()
        self._exitcode = None
        self._parent_pid = None
        self._target = None

    def is_alive(self):
        return True


_current_process = _MainProcess()


def current_process():
    return _current_process


def parent_process():
    return None


def active_children():
    return [p for p in list(_children.values()) if p.is_alive()]


def get_context(method=None):
    if method not in (None, 'fork'):
        raise ValueError('cannot find context for %r' % method)
    return sys.modules[__name__]


from multiprocessing.pool import Pool  # noqa: E402  (needs the names above)
