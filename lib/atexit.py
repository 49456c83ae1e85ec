"""atexit: functions to call when the interpreter exits.

The runtime calls _run_exitfuncs() once, after it has joined the non-daemon
threads and before it flushes the standard streams, so output written by an
exit function is not lost. Functions run last registered first, as in
CPython; an exception in one is reported ("Exception ignored in atexit
callback") and the others still run.
"""

import sys as _sys
import _thread

_callbacks = []


def register(func, *args, **kwargs):
    """Register func to be called with args and kwargs at exit; returns func."""
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    """Remove every registration of func (compared with ==)."""
    _callbacks[:] = [entry for entry in _callbacks if entry[0] != func]


def _clear():
    _callbacks.clear()


def _ncallbacks():
    return len(_callbacks)


def _run_exitfuncs():
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            try:
                _sys.stderr.write('Exception ignored in atexit callback: %r\n' % (func,))
                # The report starts at the callback, not at this loop.
                if exc.__traceback__ is not None:
                    exc.__traceback__ = exc.__traceback__.tb_next
                _thread._print_exception(exc)
            except BaseException:
                pass
