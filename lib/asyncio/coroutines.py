"""Recognising coroutines and coroutine functions."""

import functools
import types

__all__ = ('iscoroutinefunction', 'iscoroutine')

_COROUTINE_TYPES = (types.CoroutineType, types.GeneratorType)
_CO_COROUTINE = 0x0080
_CO_ITERABLE_COROUTINE = 0x0100


def iscoroutinefunction(func):
    """Is [func] a coroutine function (async def, or marked by types.coroutine)?"""
    # Only real partials are unwrapped: an object that merely answers every
    # attribute (a unittest.mock.Mock) must not send this round forever.
    while isinstance(func, functools.partial):
        func = func.func
    func = getattr(func, '__func__', func)
    code = getattr(func, '__code__', None)
    if code is not None and getattr(code, 'co_flags', 0) & _CO_COROUTINE:
        return True
    return getattr(func, '_is_coroutine', None) is _is_coroutine


_is_coroutine = object()


def iscoroutine(obj):
    """Is [obj] a coroutine object?"""
    if type(obj) is types.CoroutineType:
        return True
    return isinstance(obj, _COROUTINE_TYPES) or (
        hasattr(obj, 'send') and hasattr(obj, 'throw') and hasattr(obj, 'close') and
        hasattr(obj, '__await__'))
