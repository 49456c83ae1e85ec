"""Registries and helpers shared by pickle and copy.

Design notes
------------
This module holds the state that outlives any one Pickler:

  * dispatch_table maps a type to a reduction function; pickle consults it
    before the object's own __reduce_ex__, so it is how a program teaches
    pickle about a class it cannot edit.  complex is registered here, as in
    CPython, which is why a complex number pickles as REDUCE(complex, (re, im))
    at every protocol.
  * The extension registry gives (module, name) pairs a small integer code, so
    protocol 2+ pickles can name a popular global in 2-5 bytes (EXT1/2/4).

It also provides the callables that default reductions name in the pickle
stream: __newobj__ and __newobj_ex__ (protocol 2+: "call cls.__new__"),
_reconstructor (protocols 0 and 1: build from the nearest builtin base).
They must live here, under these names, because pickles written by CPython
refer to them as copyreg.<name> (copy_reg.<name> before protocol 3).

gilpy's object.__reduce_ex__ is written in C and hands back builtin stand-ins
for those callables, which have no importable home.  _default_reduce below is
the pure-Python form of the same protocol; pickle calls it for every class
that does not override __reduce_ex__ or __reduce__, so what ends up in the
stream always names copyreg.
"""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    """Register [pickle_function] as the reducer for instances of [ob_type]."""
    if callable(pickle_function):
        dispatch_table[ob_type] = pickle_function
    else:
        raise TypeError("reduction functions must be callable")
    # The constructor argument is only validated, as it has been since the
    # days of the "safe constructors" list.
    constructor_ob is None or constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


# --- Callables named by default reductions ------------------------------------

# Type flag bit that marks a class created by a class statement (a "heap
# type"); builtin types lack it.  CPython uses bit 9, gilpy bit 0: ask a
# freshly made class which one this interpreter sets.
class _Probe:
    pass


_HEAPTYPE = 1 << 9 if _Probe.__flags__ & ~object.__flags__ & (1 << 9) else 1
del _Probe


def _reconstructor(cls, base, state):
    """Rebuild an instance of [cls] whose nearest builtin base is [base]."""
    if base is object:
        return object.__new__(cls)
    instance = base.__new__(cls, state)
    init = base.__init__
    if init is not object.__init__:
        init(instance, state)
    return instance


def _builtin_base(cls):
    # The first class along the MRO that was not written in Python: its
    # value (int(x), list(x)...) is what protocols 0 and 1 carry.
    for klass in cls.__mro__:
        flags = getattr(klass, '__flags__', 0)
        if not flags & _HEAPTYPE:
            return klass
    return object


def _reduce_ex(self, proto):
    """The protocol 0/1 reduction: (_reconstructor, (cls, base, base_value)[, state])."""
    assert proto < 2
    cls = self.__class__
    base = _builtin_base(cls)
    if base is object:
        base_value = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        base_value = base(self)
    args = (cls, base, base_value)
    getstate = getattr(self, '__getstate__', None)
    own_getstate = getstate is not None and \
        getattr(type(self), '__getstate__', None) is not object.__getstate__
    if not own_getstate and getattr(self, '__slots__', None):
        raise TypeError("a class that defines __slots__ without "
                        "defining __getstate__ cannot be pickled")
    if own_getstate:
        state = getstate()
    else:
        state = getattr(self, '__dict__', None)
    if state:
        return _reconstructor, args, state
    return _reconstructor, args


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """Like __newobj__, for classes whose __new__ needs keyword arguments."""
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """Names of the __slots__ of [cls] and its bases, mangled; cached on the class.

    __dict__ and __weakref__ are left out: they are not values to save.
    """
    cached = cls.__dict__.get("__slotnames__")
    if cached is not None:
        return cached
    found = []
    if hasattr(cls, "__slots__"):
        for klass in cls.__mro__:
            declared = klass.__dict__.get("__slots__")
            if declared is None:
                continue
            if isinstance(declared, str):
                declared = (declared,)
            for slot in declared:
                if slot in ("__dict__", "__weakref__"):
                    continue
                if slot.startswith('__') and not slot.endswith('__'):
                    owner = klass.__name__.lstrip('_')
                    if owner:
                        slot = '_%s%s' % (owner, slot)
                found.append(slot)
    try:
        cls.__slotnames__ = found
    except (AttributeError, TypeError):
        pass    # builtin classes cannot take the cache
    return found


# --- The default reduction (what object.__reduce_ex__ computes) ----------------

_MISSING = object()


def _default_state(obj):
    # __dict__ (None when empty), paired with the set slot values if any.
    getstate = getattr(obj, '__getstate__', None)
    if getstate is not None and \
            getattr(type(obj), '__getstate__', None) is not object.__getstate__:
        return getstate()
    state = getattr(obj, '__dict__', None) or None
    if state is not None:
        state = dict(state)
    slots = {}
    for name in _slotnames(type(obj)):
        value = getattr(obj, name, _MISSING)
        if value is not _MISSING:
            slots[name] = value
    if slots:
        return (state, slots)
    return state


def _new_arguments(obj):
    # (args, kwargs) from __getnewargs_ex__ or __getnewargs__.
    hook = getattr(obj, '__getnewargs_ex__', None)
    if hook is not None:
        pair = hook()
        if not isinstance(pair, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, not '%s'"
                            % type(pair).__name__)
        if len(pair) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of length 2, "
                             "not %d" % len(pair))
        args, kwargs = pair
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by __getnewargs_ex__ "
                            "must be a tuple, not '%s'" % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by __getnewargs_ex__ "
                            "must be a dict, not '%s'" % type(kwargs).__name__)
        return args, kwargs
    hook = getattr(obj, '__getnewargs__', None)
    if hook is not None:
        args = hook()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, not '%s'"
                            % type(args).__name__)
        return args, {}
    return (), {}


def _default_reduce(obj, proto):
    """The reduction object.__reduce_ex__(proto) stands for, naming copyreg's helpers."""
    if proto < 2:
        return _reduce_ex(obj, proto)
    cls = type(obj)
    if getattr(cls, '__new__', None) is None:
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    has_args = hasattr(obj, '__getnewargs_ex__') or hasattr(obj, '__getnewargs__')
    if not has_args and not isinstance(obj, (list, dict)) and \
            _builtin_base(cls) is not object:
        # A builtin type with hidden C state (a generator, a module, a lock)
        # that offers no way to rebuild it.
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    args, kwargs = _new_arguments(obj)
    if kwargs:
        func, newargs = __newobj_ex__, (cls, args, kwargs)
    else:
        func, newargs = __newobj__, (cls,) + args
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return func, newargs, _default_state(obj), listitems, dictitems


# --- Extension codes ------------------------------------------------------------

# (module, name) -> code, its inverse, and code -> object once loaded.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Give the global module.name the extension [code] (1 to 0x7fffffff)."""
    code = int(code)
    if code < 1 or code > 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if _extension_registry.get(key) == code and _inverted_registry.get(code) == key:
        return
    if _extension_registry.get(key) is not None:
        raise ValueError("key %s is already registered with code %s"
                         % (key, _extension_registry[key]))
    if _inverted_registry.get(code) is not None:
        raise ValueError("code %s is already in use for key %s"
                         % (code, _inverted_registry[code]))
    _extension_registry[key], _inverted_registry[code] = code, key


def remove_extension(module, name, code):
    """Undo add_extension(module, name, code)."""
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError("key %s is not registered with code %s" % (key, code))
    _extension_registry.pop(key)
    _inverted_registry.pop(code)
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
