"""The asyncio event loop on libuv, and the functions that find it.

The loop keeps CPython's structure (a ready list of handles run once per
iteration, timers ordered by deadline) but its timer heap, its clock, its
GIL-free wait and its cross-thread wakeup are the C module _gpuv, where a
uv_loop_t does the waiting. See src/mod/uvloop.c for the threading rule.
"""

import sys
import _gpuv
from _thread import get_ident as _get_ident

from . import exceptions
from .net_events import NetworkLoopMixin

__all__ = ('AbstractEventLoop', 'AbstractEventLoopPolicy', 'Handle', 'TimerHandle',
           'get_event_loop_policy', 'set_event_loop_policy', 'get_event_loop',
           'set_event_loop', 'new_event_loop', 'get_running_loop', '_get_running_loop',
           'BaseEventLoop', 'SelectorEventLoop', 'DefaultEventLoopPolicy')


def _format_callback(callback, args=()):
    name = getattr(callback, '__qualname__', None) or getattr(callback, '__name__', None)
    if name is None:
        func = getattr(callback, 'func', None)  # functools.partial
        if func is not None:
            return _format_callback(func, getattr(callback, 'args', ()))
        name = repr(callback)
    return name + '(' + ', '.join(repr(a) for a in args) + ')'


class Handle:
    """A callback scheduled on a loop (call_soon)."""

    __slots__ = ('_callback', '_args', '_cancelled', '_loop', '_repr',
                 '_context')

    def __init__(self, callback, args, loop, context=None):
        self._loop = loop
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._repr = None
        self._context = context

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return '<' + ' '.join(info) + '>'

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def get_context(self):
        return self._context

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = _format_callback(self._callback, self._args)
            self._loop.call_exception_handler({
                'message': 'Exception in callback ' + cb,
                'exception': exc,
                'handle': self,
            })
        self = None


class TimerHandle(Handle):
    """A callback scheduled for a loop time (call_later, call_at)."""

    __slots__ = ('_scheduled', '_when')

    def __init__(self, when, callback, args, loop, context=None):
        Handle.__init__(self, callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def __repr__(self):
        info = [self.__class__.__name__]
        if self._cancelled:
            info.append('cancelled')
        info.append(f'when={self._when}')
        if self._callback is not None:
            info.append(_format_callback(self._callback, self._args))
        return '<' + ' '.join(info) + '>'

    def __hash__(self):
        return hash(self._when)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._when < other._when or self.__eq__(other)
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._when > other._when or self.__eq__(other)
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return (self._when == other._when and self._callback == other._callback and
                    self._args == other._args and self._cancelled == other._cancelled)
        return NotImplemented

    def cancel(self):
        if not self._cancelled:
            if self._scheduled:
                self._loop._timer_handle_cancelled(self)
            Handle.cancel(self)

    def when(self):
        return self._when


try:  # the C handles of src/mod/asyncio_c.c, when present
    from _asyncio import Handle, TimerHandle, _run_ready, _ready_due_from
except ImportError:
    _run_ready = None


class AbstractEventLoop:
    """Abstract event loop: the methods every loop provides."""


class AbstractEventLoopPolicy:
    """Abstract policy for accessing the event loop."""


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


def _check_binary_pipes(bufsize, text, encoding, errors):
    # A subprocess's pipes carry bytes, unbuffered, as in CPython.
    if bufsize != 0:
        raise ValueError("bufsize must be 0")
    if text:
        raise ValueError("text must be False")
    if encoding is not None:
        raise ValueError("encoding must be None")
    if errors is not None:
        raise ValueError("errors must be None")


class BaseEventLoop(NetworkLoopMixin, AbstractEventLoop):
    """An asyncio event loop whose waits are a uv_loop_t's."""

    def __init__(self):
        self._core = _gpuv.Loop()
        self._ready = []
        self._watchers = {}  # fd -> _gpuv.FdWatcher (add_reader/add_writer)
        self._stopping = False
        self._closed = False
        self._thread_id = None
        self._timer_cancelled_count = 0
        self._exception_handler = None
        self._default_executor = None
        self._executor_shutdown_called = False
        self._debug = False
        self._task_factory = None
        self._clock_resolution = 1e-09
        self.slow_callback_duration = 0.1

    def __repr__(self):
        return (f'<{self.__class__.__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # -- state ---------------------------------------------------------

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def time(self):
        return self._core.time()

    # -- scheduling ----------------------------------------------------

    def call_soon(self, callback, *args, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        if context is None:  # keyword arguments make the call slower
            return self.call_at(self._core.time() + delay, callback, *args)
        return self.call_at(self._core.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        if self._closed:
            raise RuntimeError('Event loop is closed')
        timer = TimerHandle(when, callback, args, self, context)
        self._core.timer_push(when, timer)
        timer._scheduled = True
        return timer

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self, context)
        self._core.post(handle)
        return handle

    def _write_to_self(self):
        self._core.wakeup()

    def _timer_handle_cancelled(self, handle):
        self._timer_cancelled_count += 1
        n = len(self._core)
        if n > 100 and self._timer_cancelled_count * 2 > n:
            self._core.timer_purge()
            self._timer_cancelled_count = 0

    # -- running -------------------------------------------------------

    def _run_once(self):
        core = self._core
        if self._ready or self._stopping:
            timeout = 0
        else:
            when = core.timer_next()
            if when is None:
                timeout = None
            else:
                timeout = when - core.time()
                if timeout < 0:
                    timeout = 0
        posted = core.poll(timeout)
        ready = self._ready
        if posted:
            ready.extend(posted)
        end = core.time() + self._clock_resolution
        if _run_ready is not None:
            self._timer_cancelled_count -= _ready_due_from(core, end, ready)
            if ready:
                self._ready = []
                _run_ready(ready)
            return
        for handle in core.timer_pop_due(end):
            if handle._cancelled:
                self._timer_cancelled_count -= 1
            else:
                handle._scheduled = False
                ready.append(handle)
        if not ready:
            return
        self._ready = []
        for handle in ready:
            if not handle._cancelled:
                handle._run()

    def run_forever(self):
        self._check_closed()
        self._check_running()
        self._thread_id = _get_ident()
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            _set_running_loop(None)

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        from . import futures, tasks
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True
        if self._thread_id is not None and self._thread_id != _get_ident():
            self._core.wakeup()

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready = []
        self._watchers = {}
        self._core.close()
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    # -- futures and tasks ---------------------------------------------

    def create_future(self):
        return sys.modules['asyncio.futures'].Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            Task = sys.modules['asyncio.tasks'].Task
            return Task(coro, loop=self, name=name, context=context)
        if context is None:
            task = self._task_factory(self, coro)
        else:
            task = self._task_factory(self, coro, context=context)
        if name is not None:
            task.set_name(name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    async def shutdown_asyncgens(self):
        """Nothing to do: this loop does not track async generators yet."""

    # -- child processes and pipes (asyncio/subprocess.py) --------------

    async def subprocess_shell(self, protocol_factory, cmd, *, stdin=-1, stdout=-1, stderr=-1,
                               universal_newlines=False, shell=True, bufsize=0,
                               encoding=None, errors=None, text=None, **kwargs):
        if not isinstance(cmd, (bytes, str)):
            raise ValueError("cmd must be a string")
        if universal_newlines:
            raise ValueError("universal_newlines must be False")
        if not shell:
            raise ValueError("shell must be True")
        _check_binary_pipes(bufsize, text, encoding, errors)
        from . import subprocess
        return await subprocess.subprocess_exec(self, protocol_factory, cmd, True, stdin,
                                                stdout, stderr, bufsize, kwargs)

    async def subprocess_exec(self, protocol_factory, program, *args, stdin=-1, stdout=-1,
                              stderr=-1, universal_newlines=False, shell=False, bufsize=0,
                              encoding=None, errors=None, text=None, **kwargs):
        if universal_newlines:
            raise ValueError("universal_newlines must be False")
        if shell:
            raise ValueError("shell must be False")
        _check_binary_pipes(bufsize, text, encoding, errors)
        from . import subprocess
        return await subprocess.subprocess_exec(self, protocol_factory, (program,) + args,
                                                False, stdin, stdout, stderr, bufsize, kwargs)

    async def connect_read_pipe(self, protocol_factory, pipe):
        from . import subprocess
        return await subprocess.connect_read_pipe(self, protocol_factory, pipe)

    async def connect_write_pipe(self, protocol_factory, pipe):
        from . import subprocess
        return await subprocess.connect_write_pipe(self, protocol_factory, pipe)

    # -- threads -------------------------------------------------------

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError('Executor shutdown has been called')
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(
                    thread_name_prefix='asyncio')
                self._default_executor = executor
        from .futures import wrap_future
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    async def shutdown_default_executor(self):
        self._executor_shutdown_called = True
        executor = self._default_executor
        if executor is None:
            return
        future = self.create_future()
        import threading

        def shutdown():
            try:
                executor.shutdown(wait=True)
                if not self.is_closed():
                    self.call_soon_threadsafe(_set_result_if_pending, future)
            except Exception as ex:
                if not self.is_closed():
                    self.call_soon_threadsafe(future.set_exception, ex)

        thread = threading.Thread(target=shutdown)
        thread.start()
        try:
            await future
        finally:
            thread.join()
        self._default_executor = None

    # -- errors --------------------------------------------------------

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        exception = context.get('exception')
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            value = context[key]
            if key == 'source_traceback':
                continue
            lines.append(f'{key}: {value!r}')
        sys.stdout.flush()
        print('\n'.join(lines), file=sys.stderr)
        if exception is not None:
            import _thread
            _thread._print_exception(exception)
        sys.stderr.flush()

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    pass


try:  # sleep() pushes its timers straight onto this class's C heap
    import _asyncio
    _asyncio._set_fast_loop_type(BaseEventLoop)
except ImportError:
    pass


def _set_result_if_pending(future):
    if not future.done():
        future.set_result(None)


SelectorEventLoop = BaseEventLoop
EventLoop = BaseEventLoop


# -- the running loop and the policy ---------------------------------------

# One running loop per thread, keyed by the thread's ident.
_running_loops = {}


def _get_running_loop():
    return _running_loops.get(_get_ident())


def _set_running_loop(loop):
    if loop is None:
        _running_loops.pop(_get_ident(), None)
    else:
        _running_loops[_get_ident()] = loop


def get_running_loop():
    loop = _running_loops.get(_get_ident())
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


class BaseDefaultEventLoopPolicy(AbstractEventLoopPolicy):
    """One loop per thread; the main thread gets one on demand."""

    def __init__(self):
        self._loops = {}
        self._set_called = False

    def get_event_loop(self):
        ident = _get_ident()
        loop = self._loops.get(ident)
        if loop is None and not self._set_called:
            import threading
            if threading.current_thread() is threading.main_thread():
                loop = self.new_event_loop()
                self.set_event_loop(loop)
        if loop is None:
            import threading
            raise RuntimeError('There is no current event loop in thread %r.'
                               % threading.current_thread().name)
        return loop

    def set_event_loop(self, loop):
        self._set_called = True
        if loop is not None and not isinstance(loop, AbstractEventLoop):
            raise TypeError(f"loop must be an instance of AbstractEventLoop or None, "
                            f"not '{type(loop).__name__}'")
        if loop is None:
            self._loops.pop(_get_ident(), None)
        else:
            self._loops[_get_ident()] = loop

    def new_event_loop(self):
        return BaseEventLoop()


DefaultEventLoopPolicy = BaseDefaultEventLoopPolicy
_event_loop_policy = None


def get_event_loop_policy():
    global _event_loop_policy
    if _event_loop_policy is None:
        _event_loop_policy = DefaultEventLoopPolicy()
    return _event_loop_policy


def set_event_loop_policy(policy):
    global _event_loop_policy
    if policy is not None and not isinstance(policy, AbstractEventLoopPolicy):
        raise TypeError(f"policy must be an instance of AbstractEventLoopPolicy or None, "
                        f"not '{type(policy).__name__}'")
    _event_loop_policy = policy


def get_event_loop():
    loop = _running_loops.get(_get_ident())
    if loop is not None:
        return loop
    return get_event_loop_policy().get_event_loop()


def set_event_loop(loop):
    get_event_loop_policy().set_event_loop(loop)


def new_event_loop():
    return get_event_loop_policy().new_event_loop()
