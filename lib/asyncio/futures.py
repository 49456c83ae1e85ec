"""asyncio.Future, and the bridge to concurrent.futures.

Design notes
------------
Future itself is C (src/mod/asyncio_c_future.c) and always present in
gilpy, so this module re-exports it. What stays in Python:

  - the text of reprs, which the C Future and the C sleep object ask for
    here (`_future_repr`, `_sleep_repr`) and which tasks.py extends;
  - isfuture(), the duck-typed test asyncio uses everywhere (an object is a
    future if its class has `_asyncio_future_blocking` set to non-None);
  - wrap_future() and `_chain_future()`: one future follows another, either
    side an asyncio future or a concurrent.futures one, across threads when
    the two belong to different loops (or none). Results, exceptions and
    cancellation flow from source to destination; cancelling the
    destination cancels the source.
"""

import concurrent.futures as _cf

import _asyncio

from . import events, exceptions

__all__ = ('Future', 'wrap_future', 'isfuture')

Future = _asyncio.Future
_set_result_unless_cancelled = _asyncio._set_result_unless_cancelled

# The state names, as the `_state` attribute shows them.
_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    """Whether [obj] behaves as an asyncio future (duck-typed)."""
    return (hasattr(type(obj), '_asyncio_future_blocking')
            and obj._asyncio_future_blocking is not None)


# -- repr -----------------------------------------------------------------------

def _describe_callbacks(callbacks):
    # At most two callbacks are named; longer lists show the first and the
    # last around a count.
    name = events._format_callback
    if len(callbacks) > 2:
        shown = [name(callbacks[0]), f'<{len(callbacks) - 2} more>', name(callbacks[-1])]
    else:
        shown = [name(cb) for cb in callbacks]
    return f"cb=[{', '.join(shown)}]"


def _future_repr_info(fut):
    """The words after the class name in a future's repr (a list, which
    tasks.py adds its own words to)."""
    state = fut._state
    words = [state.lower()]
    if state == _FINISHED:
        if fut._exception is None:
            words.append(f'result={fut._result!r}')
        else:
            words.append(f'exception={fut._exception!r}')
    if fut._callbacks:
        words.append(_describe_callbacks(fut._callbacks))
    return words


def _future_repr(fut):
    """repr() of a C Future; a subclass may supply its own _repr_info()."""
    custom = getattr(fut, '_repr_info', None)
    words = custom() if custom is not None else _future_repr_info(fut)
    return f"<{type(fut).__name__} {' '.join(words)}>"


def _sleep_repr(fut):
    """repr() of a started asyncio.sleep(): shown as the future it waits as."""
    return f"<Future {' '.join(_future_repr_info(fut))}>"


# -- following another future ---------------------------------------------------

def _as_asyncio_error(exc):
    # concurrent.futures has its own CancelledError and InvalidStateError;
    # an asyncio future must carry asyncio's.
    if type(exc) is _cf.CancelledError:
        return exceptions.CancelledError(*exc.args)
    if type(exc) is _cf.InvalidStateError:
        return exceptions.InvalidStateError(*exc.args)
    return exc


def _copy_outcome(source, dest):
    """Gives the pending [dest] the outcome of the finished [source]."""
    if isfuture(dest):
        if dest.cancelled():
            return
        if source.cancelled():
            dest.cancel()
        elif source.exception() is not None:
            dest.set_exception(_as_asyncio_error(source.exception()))
        else:
            dest.set_result(source.result())
        return
    # A concurrent future: it must be marked running before it can finish.
    if source.cancelled():
        dest.cancel()
    if not dest.set_running_or_notify_cancel():
        return
    if source.exception() is not None:
        dest.set_exception(_as_asyncio_error(source.exception()))
    else:
        dest.set_result(source.result())


def _chain_future(source, destination):
    """Makes [destination] end as [source] does, and cancelling
    [destination] cancel [source]."""
    source_loop = source.get_loop() if isfuture(source) else None
    dest_loop = destination.get_loop() if isfuture(destination) else None

    def on_source_done(src):
        if dest_loop is None or dest_loop is source_loop:
            _copy_outcome(src, destination)
        elif not dest_loop.is_closed():
            # The destination belongs to another loop's thread.
            dest_loop.call_soon_threadsafe(_copy_outcome, src, destination)

    def on_destination_done(dest):
        if not dest.cancelled():
            return
        if source_loop is None or source_loop is dest_loop:
            source.cancel()
        else:
            source_loop.call_soon_threadsafe(source.cancel)

    destination.add_done_callback(on_destination_done)
    source.add_done_callback(on_source_done)


def wrap_future(future, *, loop=None):
    """An asyncio future that follows the concurrent.futures.Future
    [future] (asyncio futures are returned as they are)."""
    if isfuture(future):
        return future
    if not isinstance(future, _cf.Future):
        raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')
    if loop is None:
        loop = events.get_event_loop()
    follower = loop.create_future()
    _chain_future(future, follower)
    return follower
