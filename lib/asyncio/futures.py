"""asyncio.Future: a result that arrives later, awaited by coroutines."""

import concurrent.futures as _cf

from . import events, exceptions

__all__ = ('Future', 'wrap_future', 'isfuture')

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """Is [obj] an asyncio-compatible future (duck-typed, as CPython's)?"""
    return (hasattr(obj.__class__, '_asyncio_future_blocking') and
            obj._asyncio_future_blocking is not None)


def _format_callbacks(cb):
    size = len(cb)
    if not size:
        return ''
    fmt = events._format_callback
    if size <= 2:
        return 'cb=[' + ', '.join(fmt(c) for c in cb) + ']'
    return f'cb=[{fmt(cb[0])}, <{size - 2} more>, {fmt(cb[-1])}]'


def _future_repr_info(fut):
    """The words of a future's repr: state, result or exception, callbacks."""
    state = fut._state.lower()
    if state == 'finished':
        if fut._exception is not None:
            info = [state, f'exception={fut._exception!r}']
        else:
            info = [state, f'result={fut._result!r}']
    else:
        info = [state]
    callbacks = fut._callbacks
    if callbacks:
        info.append(_format_callbacks(callbacks))
    return info


def _future_repr(fut):
    """repr() of a future, Python or C (the C Future calls this)."""
    return '<{} {}>'.format(fut.__class__.__name__, ' '.join(fut._repr_info()
                                                             if hasattr(fut, '_repr_info')
                                                             else _future_repr_info(fut)))


def _sleep_repr(fut):
    """repr() of a started asyncio.sleep() object: the future it waits as."""
    return '<Future {}>'.format(' '.join(_future_repr_info(fut)))


class Future:
    """A result that arrives later; not thread-safe (use the loop's thread)."""

    # Slots keep a future small: 100,000 sleeping tasks are 100,000 of them.
    # Subclasses without __slots__ get a __dict__ as usual.
    __slots__ = ('_state', '_result', '_exception', '_loop', '_source_traceback',
                 '_cancel_message', '_cancelled_exc', '_asyncio_future_blocking',
                 '_log_traceback', '_callbacks', '__weakref__')

    def __init__(self, *, loop=None):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._source_traceback = None
        self._cancel_message = None
        self._cancelled_exc = None
        self._asyncio_future_blocking = False
        self._log_traceback = False
        if loop is None:
            self._loop = events.get_event_loop()
        else:
            self._loop = loop
        # The callback list is made on first use: most futures get one
        # callback, many (a finished sleep's) get it after they are done.
        self._callbacks = None

    def _repr_info(self):
        return _future_repr_info(self)

    def __repr__(self):
        return _future_repr(self)

    def __del__(self):
        if self._state == _FINISHED and self._log_traceback:
            self._log_traceback = False
            self._loop.call_exception_handler({
                'message': f'{self.__class__.__name__} exception was never retrieved',
                'exception': self._exception,
                'future': self,
            })

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError('Future object is not initialized.')
        return loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return exceptions.CancelledError()
        return exceptions.CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = None
        loop = self._loop
        for callback in callbacks:
            loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        state = self._state
        if state == _FINISHED:
            self._log_traceback = False
            if self._exception is not None:
                raise self._exception
            return self._result
        if state == _CANCELLED:
            raise self._make_cancelled_error()
        raise exceptions.InvalidStateError('Result is not set.')

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Exception is not set.')
        self._log_traceback = False
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        elif self._callbacks is None:
            self._callbacks = [fn]
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        if not self._callbacks:
            return 0
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        if self._callbacks:
            self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators '
                            'and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def _set_result_unless_cancelled(fut, result):
    """Helper setting the result only if the future was not cancelled."""
    if fut._state == _PENDING:
        fut.set_result(result)


# The C implementation (src/mod/asyncio_c.c) replaces the Python one when it
# is there, as CPython's _asyncio does; the Python classes stay as the
# reference and the fallback.
_PyFuture = Future
try:
    import _asyncio
except ImportError:
    pass
else:
    Future = _CFuture = _asyncio.Future
    _set_result_unless_cancelled = _asyncio._set_result_unless_cancelled


def _convert_future_exc(exc):
    exc_class = type(exc)
    if exc_class is _cf.CancelledError:
        return exceptions.CancelledError(*exc.args)
    if exc_class is _cf.InvalidStateError:
        return exceptions.InvalidStateError(*exc.args)
    return exc


def _set_concurrent_future_state(concurrent, source):
    """Copies [source]'s state (an asyncio future) into a concurrent future."""
    if source.cancelled():
        concurrent.cancel()
    if not concurrent.set_running_or_notify_cancel():
        return
    exception = source.exception()
    if exception is not None:
        concurrent.set_exception(_convert_future_exc(exception))
    else:
        concurrent.set_result(source.result())


def _copy_future_state(source, dest):
    """Copies [source]'s state into the asyncio future [dest] (pending)."""
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
    else:
        exception = source.exception()
        if exception is not None:
            dest.set_exception(_convert_future_exc(exception))
        else:
            dest.set_result(source.result())


def _chain_future(source, destination):
    """Makes [destination] follow [source]; either may be a concurrent future."""
    source_loop = source.get_loop() if isfuture(source) else None
    dest_loop = destination.get_loop() if isfuture(destination) else None

    def _set_state(future, other):
        if isfuture(future):
            _copy_future_state(other, future)
        else:
            _set_concurrent_future_state(future, other)

    def _call_check_cancel(destination):
        if destination.cancelled():
            if source_loop is None or source_loop is dest_loop:
                source.cancel()
            else:
                source_loop.call_soon_threadsafe(source.cancel)

    def _call_set_state(source):
        if destination.cancelled() and dest_loop is not None and dest_loop.is_closed():
            return
        if dest_loop is None or dest_loop is source_loop:
            _set_state(destination, source)
        else:
            if dest_loop.is_closed():
                return
            dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """Wraps a concurrent.futures.Future in an asyncio Future."""
    if isfuture(future):
        return future
    if not isinstance(future, _cf.Future):
        raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')
    if loop is None:
        loop = events.get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future)
    return new_future
