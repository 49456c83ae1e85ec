"""weakref: references that do not keep their target alive.

Design notes
------------
The primitives live in C (`_weakref`, obj/weakref.c): `ref`, `proxy`,
`getweakrefcount`, `getweakrefs` and the three types. This module adds what
is built from them in Python:

  - WeakValueDictionary and WeakKeyDictionary: mappings that forget an entry
    once its value (or key) dies. Each stores weak references in a plain
    dict and gives each reference a callback that deletes the entry.
  - WeakSet, from _weakrefset (see there).
  - WeakMethod: a `ref` to a bound method, which would otherwise die at
    once because bound methods are created afresh on each attribute access.
    It holds the instance and the function separately, both weakly.
  - finalize: "call this function when that object dies", also at
    interpreter exit for those still pending.

Callbacks versus iteration. A weak reference's callback can run between any
two bytecodes, so also in the middle of a loop over one of these containers.
Deleting the entry right then would break the loop ("dictionary changed
size during iteration"). Each container therefore counts the loops running
over it (_LoopMarker, shared with WeakSet): while one runs, callbacks
only remember what to delete, in `_dead_refs`, and the deletion is
done when the last loop ends or before the next change to the container.
Lengths subtract what is pending, so `len()` never counts a dead entry.

Every callback holds its container weakly, so a forgotten container is freed
even while its keys or values live on.
"""

import sys as _sys

from _weakref import (ref, proxy, getweakrefcount, getweakrefs, ReferenceType, ProxyType,
                      CallableProxyType, _remove_dead_weakref)
from _weakrefset import WeakSet, _LoopMarker
import collections.abc as _abc

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ['ref', 'proxy', 'getweakrefcount', 'getweakrefs', 'WeakKeyDictionary',
           'ReferenceType', 'ProxyType', 'CallableProxyType', 'ProxyTypes',
           'WeakValueDictionary', 'WeakSet', 'WeakMethod', 'finalize']


class WeakMethod(ref):
    """A weak reference to a bound method that lives as long as both its
    instance and its function do; calling it rebuilds the bound method."""

    __slots__ = ('_func_ref', '_meth_type', '_alive', '__weakref__')

    def __new__(cls, meth, callback=None):
        try:
            instance = meth.__self__
            function = meth.__func__
        except AttributeError:
            raise TypeError('argument should be a bound method, not {}'
                            .format(type(meth))) from None

        self_ref = None  # bound below, once the reference exists

        def _part_died(_):
            # Either the instance or the function went away: the method is
            # dead. The user's callback hears about it once.
            me = self_ref()
            if me is not None and me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)

        self = ref.__new__(cls, instance, _part_died)
        self_ref = ref(self)
        self._func_ref = ref(function, _part_died)
        self._meth_type = type(meth)
        self._alive = True
        return self

    def __call__(self):
        instance = super().__call__()
        function = self._func_ref()
        if instance is None or function is None:
            return None
        return self._meth_type(function, instance)

    def _same_method(self, that):
        # Live methods are equal when instance and function both are; a dead
        # one is equal only to itself.
        if self._alive and that._alive:
            return ref.__eq__(self, that) and self._func_ref == that._func_ref
        return self is that

    def __eq__(self, that):
        if isinstance(that, WeakMethod):
            return self._same_method(that)
        return NotImplemented

    def __ne__(self, that):
        if isinstance(that, WeakMethod):
            return not self._same_method(that)
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that also remembers the dictionary key it is stored
    under, so that its callback knows which entry to delete."""

    __slots__ = ('key',)

    def __new__(cls, target, callback, key):
        self = ref.__new__(cls, target, callback)
        self.key = key
        return self

    def __init__(self, target, callback, key):
        ref.__init__(self, target, callback)


def _container_callback(container):
    """Builds the callback for the references stored in [container], which
    it holds weakly. The container's _forget gets each dead reference at
    once or, while a loop runs over the container, when the loop ends."""
    container_ref = ref(container)

    def _died(dead_ref):
        owner = container_ref()
        if owner is not None:
            if owner._iterating:
                owner._dead_refs.append(dead_ref)
            else:
                owner._forget(dead_ref)
    return _died


class _WeakDictCommon:
    """What the two weak dictionaries share: clear(), copy() and the |, |=
    and reflected | operators (a copy, or self, updated with the other
    mapping)."""

    def clear(self):
        self._dead_refs.clear()
        self.data.clear()

    def copy(self):
        result = self.__class__()
        for key, value in self.items():
            result[key] = value
        return result

    __copy__ = copy

    def __or__(self, mapping):
        if not isinstance(mapping, _abc.Mapping):
            return NotImplemented
        result = self.copy()
        result.update(mapping)
        return result

    def __ror__(self, mapping):
        if not isinstance(mapping, _abc.Mapping):
            return NotImplemented
        result = self.__class__()
        result.update(mapping)
        result.update(self)
        return result

    def __ior__(self, mapping):
        self.update(mapping)
        return self


class WeakValueDictionary(_WeakDictCommon, _abc.MutableMapping):
    """A mapping whose values are held weakly: an entry vanishes when its
    value dies."""

    def __init__(self, mapping=(), /, **kw):
        self.data = {}
        self._dead_refs = []
        self._iterating = 0
        self._on_death = _container_callback(self)
        self.update(mapping, **kw)

    def _forget(self, dead_ref):
        # The key may meanwhile hold a new, live value: leave that alone.
        _remove_dead_weakref(self.data, dead_ref.key)

    def _settle(self):
        # Never while a loop runs over self.data: the last loop flushes.
        pending = self._dead_refs
        while pending and not self._iterating:
            self._forget(pending.pop())

    def __getitem__(self, key):
        self._settle()
        value = self.data[key]()
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key, value):
        self._settle()
        self.data[key] = KeyedRef(value, self._on_death, key)

    def __delitem__(self, key):
        self._settle()
        # A value that died during a loop is already gone as far as the
        # mapping's users can tell; its entry goes when the loop ends.
        if self.data[key]() is None:
            raise KeyError(key)
        del self.data[key]

    def __contains__(self, key):
        self._settle()
        try:
            value = self.data[key]()
        except KeyError:
            return False
        return value is not None

    def __len__(self):
        self._settle()
        # Mid-iteration the dead entries are still stored: leave them out.
        data = self.data
        dead = sum(1 for held in self._dead_refs if data.get(held.key) is held)
        return len(data) - dead

    def __repr__(self):
        return '<%s at %#x>' % (self.__class__.__name__, id(self))

    def __iter__(self):
        with _LoopMarker(self):
            for key, held in self.data.items():
                if held() is not None:
                    yield key

    # A generator, as in CPython: next(d.keys()) works.
    keys = __iter__

    def items(self):
        with _LoopMarker(self):
            for key, held in self.data.items():
                value = held()
                if value is not None:
                    yield key, value

    def values(self):
        with _LoopMarker(self):
            for held in self.data.values():
                value = held()
                if value is not None:
                    yield value

    def itervaluerefs(self):
        """Yields the weak references to the values (they may die meanwhile)."""
        with _LoopMarker(self):
            yield from self.data.values()

    def valuerefs(self):
        """A list of the weak references to the values."""
        self._settle()
        return list(self.data.values())

    def get(self, key, default=None):
        self._settle()
        try:
            held = self.data[key]
        except KeyError:
            return default
        value = held()
        return default if value is None else value

    def pop(self, key, *default):
        self._settle()
        try:
            value = self.data.pop(key)()
        except KeyError:
            value = None
        if value is not None:
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        self._settle()
        while True:
            key, held = self.data.popitem()
            value = held()
            if value is not None:
                return key, value

    def setdefault(self, key, default=None):
        value = self.get(key)
        if value is None:
            self[key] = default
            return default
        return value

    def update(self, mapping=(), /, **kw):
        self._settle()
        # Anything else goes through dict(), which takes a keys()-and-
        # __getitem__ mapping as well as an iterable of pairs.
        if not hasattr(mapping, 'items'):
            mapping = dict(mapping)
        for key, value in mapping.items():
            self[key] = value
        for key, value in kw.items():
            self[key] = value

    def __deepcopy__(self, memo):
        from copy import deepcopy
        result = self.__class__()
        for key, value in self.items():
            result[deepcopy(key, memo)] = value
        return result


class WeakKeyDictionary(_WeakDictCommon, _abc.MutableMapping):
    """A mapping whose keys are held weakly: an entry vanishes when its key
    dies. Keys must be hashable and weakly referenceable."""

    def __init__(self, dict=None):
        self.data = {}
        self._dead_refs = []
        self._iterating = 0
        self._on_death = _container_callback(self)
        if dict is not None:
            self.update(dict)

    def _forget(self, dead_ref):
        # An explicit delete or clear() may have got there first.
        self.data.pop(dead_ref, None)

    def _settle(self):
        # Never while a loop runs over self.data: the last loop flushes.
        pending = self._dead_refs
        while pending and not self._iterating:
            self._forget(pending.pop())

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self._settle()
        self.data[ref(key, self._on_death)] = value

    def __delitem__(self, key):
        self._settle()
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            held = ref(key)
        except TypeError:
            return False
        return held in self.data

    def __len__(self):
        self._settle()
        if not self._dead_refs:
            return len(self.data)
        # Mid-iteration: the pending references are still stored (unless
        # someone removed them since), and must not be counted.
        still_there = sum(1 for held in self._dead_refs if held in self.data)
        return len(self.data) - still_there

    def __repr__(self):
        return '<%s at %#x>' % (self.__class__.__name__, id(self))

    def __iter__(self):
        with _LoopMarker(self):
            for held in self.data:
                key = held()
                if key is not None:
                    yield key

    # A generator, as in CPython: next(d.keys()) works.
    keys = __iter__

    def items(self):
        with _LoopMarker(self):
            for held, value in self.data.items():
                key = held()
                if key is not None:
                    yield key, value

    def values(self):
        with _LoopMarker(self):
            for held, value in self.data.items():
                if held() is not None:
                    yield value

    def keyrefs(self):
        """A list of the weak references to the keys."""
        return list(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *default):
        self._settle()
        return self.data.pop(ref(key), *default)

    def popitem(self):
        self._settle()
        while True:
            held, value = self.data.popitem()
            key = held()
            if key is not None:
                return key, value

    def setdefault(self, key, default=None):
        self._settle()
        return self.data.setdefault(ref(key, self._on_death), default)

    def update(self, dict=None, /, **kw):
        self._settle()
        if dict is not None:
            if not hasattr(dict, 'items'):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        if kw:
            self.update(kw)

    def __deepcopy__(self, memo):
        from copy import deepcopy
        result = self.__class__()
        for key, value in self.items():
            result[key] = deepcopy(value, memo)
        return result


class finalize:
    """finalize(obj, func, /, *args, **kwargs): calls func(*args, **kwargs)
    when obj dies, or when the finalizer is called, or at interpreter exit
    (if `atexit` is true, the default) -- whichever comes first, and once.

    [func], [args] and [kwargs] are held strongly, so they must not refer
    to [obj], or obj would never die.
    """

    __slots__ = ()

    # Every live finalizer maps to its _Record here; the finalizer is also
    # the weak reference's callback, so a finalizer whose object died finds
    # itself in this registry, takes its record out and runs.
    _registry = {}
    _shutdown = False
    _counter = 0
    _exit_hook_installed = False

    class _Record:
        __slots__ = ('weakref', 'func', 'args', 'kwargs', 'atexit', 'index')

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._exit_hook_installed:
            import atexit
            atexit.register(finalize._run_at_exit)
            finalize._exit_hook_installed = True
        record = finalize._Record()
        record.weakref = ref(obj, self)
        record.func = func
        record.args = args
        record.kwargs = kwargs or None
        record.atexit = True
        finalize._counter += 1
        record.index = finalize._counter
        finalize._registry[self] = record

    def __call__(self, _=None):
        """Runs the function now, if it has not run yet; returns its result."""
        record = finalize._registry.pop(self, None)
        if record is not None and not finalize._shutdown:
            return record.func(*record.args, **(record.kwargs or {}))

    def detach(self):
        """Cancels the finalizer; returns (obj, func, args, kwargs), or None
        if it is dead already."""
        record = finalize._registry.get(self)
        obj = record.weakref() if record is not None else None
        if obj is not None and finalize._registry.pop(self, None) is not None:
            return (obj, record.func, record.args, record.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) while alive, else None."""
        record = finalize._registry.get(self)
        obj = record.weakref() if record is not None else None
        if obj is not None:
            return (obj, record.func, record.args, record.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer has yet to run."""
        return self in finalize._registry

    @property
    def atexit(self):
        """Whether the finalizer runs at exit if still alive then."""
        record = finalize._registry.get(self)
        return bool(record) and record.atexit

    @atexit.setter
    def atexit(self, value):
        record = finalize._registry.get(self)
        if record is not None:
            record.atexit = bool(value)

    def __repr__(self):
        record = finalize._registry.get(self)
        obj = record.weakref() if record is not None else None
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__, id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _pending_at_exit(cls):
        # Newest first, as atexit functions run.
        chosen = [(rec.index, f) for f, rec in cls._registry.items() if rec.atexit]
        chosen.sort(reverse=True)
        return [f for _, f in chosen]

    @classmethod
    def _run_at_exit(cls):
        # A finalizer may create others that also want to run at exit, so
        # the pending list is taken again until it is empty. The collector
        # stays off meanwhile: a collection could fire callbacks of
        # finalizers that are being run here.
        import gc
        was_enabled = gc.isenabled()
        try:
            if cls._registry:
                gc.disable()
                while True:
                    pending = cls._pending_at_exit()
                    if not pending:
                        break
                    for f in pending:
                        try:
                            f()
                        except Exception:
                            _sys.excepthook(*_sys.exc_info())
        finally:
            cls._shutdown = True
            if was_enabled:
                gc.enable()
