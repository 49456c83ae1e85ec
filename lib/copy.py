"""Shallow and deep copies of arbitrary objects: copy.copy and copy.deepcopy.

Design notes
------------
Both functions try, in order:

  1. Atoms (numbers, strings, bytes, None, functions, classes, ranges...)
     are their own copy.  Shallow copy also treats tuples, frozensets and
     slices as atoms, since sharing their items is what "shallow" means.
  2. A per-type table for the builtin containers (list, dict, set,
     bytearray, tuple...) and bound methods.
  3. The object's own hook: __copy__() on the class, or __deepcopy__(memo)
     on the object.
  4. A __reduce_ex__ or __reduce__ that a class defines itself: its result
     (callable, args[, state[, list items[, dict items[, state setter]]]])
     is replayed by _rebuild, deep-copying args, state and items for
     deepcopy.  A string result means "a global singleton": the object
     itself is returned.
  5. Otherwise the default instance protocol.  gilpy's `object` has no
     __reduce_ex__, so _default_parts computes what CPython's copyreg
     protocol-2 reduction would give: cls.__new__(cls, *__getnewargs__()),
     the state from __getstate__() or from __dict__ plus the slot values,
     and the items of list and dict subclasses.  Set subclasses get their
     items added after creation.

deepcopy's memo maps id(original) -> copy, so shared references stay shared
and cycles terminate: containers and instances are entered in the memo
before their contents are copied.  The memo also keeps every original alive
(in a list stored under id(memo)) because ids are only unique among live
objects.  Objects that turn out to be their own copy are not memoised.

Between steps 3 and 4 a reduction registered with copyreg.pickle() (in
copyreg.dispatch_table) is used, as in CPython.  An object whose
__reduce_ex__ and __reduce__ cannot even be looked up is not copyable
(copy.Error).  As in CPython 3.11, a reduce tuple may have at most five
items here: the sixth (a state setter) is only understood by pickle.

Not provided: copy.replace (3.13).
"""

import types

import _weakref
from copyreg import dispatch_table

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error   # the old lowercase name, still accepted


# --- Types that are their own copy ----------------------------------------------

_ATOMS = frozenset([
    type(None), type(Ellipsis), type(NotImplemented), bool, int, float, complex,
    str, bytes, range, type, property, types.FunctionType,
    types.BuiltinFunctionType, types.CodeType, _weakref.ref,
])
_SHALLOW_ATOMS = _ATOMS | {tuple, frozenset, slice}


# --- Shallow copy ------------------------------------------------------------------

def _copy_method(m):
    # A new bound method of the same function on the same object.
    return m.__func__.__get__(m.__self__)


_SHALLOW = {
    list: list.copy,
    dict: dict.copy,
    set: set.copy,
    bytearray: bytearray.copy,
    types.MethodType: _copy_method,
}


def copy(x):
    """Return a shallow copy of [x]: a new container holding the same items."""
    cls = type(x)
    if cls in _SHALLOW_ATOMS or issubclass(cls, type):
        return x
    copier = _SHALLOW.get(cls)
    if copier is not None:
        return copier(x)
    hook = getattr(cls, '__copy__', None)
    if hook is not None:
        return hook(x)
    return _by_protocol(x, cls, None)


# --- Deep copy -----------------------------------------------------------------------

def deepcopy(x, memo=None, _nil=[]):
    """Return a deep copy of [x]: its contents are copied too, recursively.

    [memo] maps id(original) to copy; pass the same dict to several calls
    (as __deepcopy__ hooks must) to keep shared objects shared.
    """
    if memo is None:
        memo = {}
    known = memo.get(id(x), _nil)
    if known is not _nil:
        return known
    cls = type(x)
    if cls in _ATOMS or issubclass(cls, type):
        return x
    copier = _DEEP.get(cls)
    if copier is not None:
        result = copier(x, memo)
    else:
        hook = getattr(x, '__deepcopy__', None)
        if hook is not None:
            result = hook(memo)
        else:
            result = _by_protocol(x, cls, memo)
    if result is not x:
        memo[id(x)] = result
        _pin_original(x, memo)
    return result


def _pin_original(x, memo):
    # While x is in the memo its id must not be reused by a new object.
    holder = memo.get(id(memo))
    if holder is None:
        memo[id(memo)] = [x]
    else:
        holder.append(x)


def _deep_list(x, memo):
    result = []
    memo[id(x)] = result
    # A loop, not a comprehension: a comprehension is a frame of its own,
    # and nested lists would reach the recursion limit a third sooner.
    append = result.append
    for item in x:
        append(deepcopy(item, memo))
    return result


def _deep_dict(x, memo):
    result = {}
    memo[id(x)] = result
    for key, value in x.items():
        result[deepcopy(key, memo)] = deepcopy(value, memo)
    return result


def _deep_set(x, memo):
    result = set()
    memo[id(x)] = result
    for item in x:
        result.add(deepcopy(item, memo))
    return result


def _deep_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # Copying the items may have copied this very tuple (a cycle through
    # a mutable item): use that copy so the cycle stays closed.
    if id(x) in memo:
        return memo[id(x)]
    for before, after in zip(x, items):
        if before is not after:
            return tuple(items)
    return x


def _deep_frozenset(x, memo):
    return frozenset(deepcopy(item, memo) for item in x)


def _deep_bytearray(x, memo):
    return bytearray(x)


def _deep_method(m, memo):
    return m.__func__.__get__(deepcopy(m.__self__, memo))


_DEEP = {
    list: _deep_list,
    dict: _deep_dict,
    set: _deep_set,
    tuple: _deep_tuple,
    frozenset: _deep_frozenset,
    bytearray: _deep_bytearray,
    types.MethodType: _deep_method,
}


# --- Reduction protocol -------------------------------------------------------------

# object's own reduce methods, if gilpy has them: inheriting those does not
# count as defining a reduction.
_BASE_REDUCE_EX = getattr(object, '__reduce_ex__', None)
_BASE_REDUCE = getattr(object, '__reduce__', None)


def _own_reduction(x, cls):
    """The value of a __reduce_ex__/__reduce__ the class defines, or None."""
    reduce_ex = getattr(cls, '__reduce_ex__', None)
    if reduce_ex is not None and reduce_ex is not _BASE_REDUCE_EX:
        return reduce_ex(x, 4)
    reduce = getattr(cls, '__reduce__', None)
    if reduce is not None and reduce is not _BASE_REDUCE:
        return reduce(x)
    return None


def _by_protocol(x, cls, memo):
    registered = dispatch_table.get(cls)
    if registered is not None:
        parts = registered(x)
    else:
        if (getattr(x, '__reduce_ex__', None) is None
                and getattr(x, '__reduce__', None) is None):
            raise Error('un(%s)copyable object of type %s'
                        % ('shallow' if memo is None else 'deep', cls))
        parts = _own_reduction(x, cls)
        if parts is None:
            return _copy_plain_instance(x, cls, memo)
    if isinstance(parts, str):
        return x
    if not isinstance(parts, tuple) or not 2 <= len(parts) <= 5:
        raise TypeError('%s.__reduce__ must return a string or a tuple of 2 to 5 items'
                        % cls.__name__)
    return _rebuild(x, memo, *parts)


def _rebuild(x, memo, func, args, state=None, listitems=None, dictitems=None,
             state_setter=None):
    """Replay a reduce tuple; [memo] None means a shallow copy."""
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    _fill(y, memo, state, listitems, dictitems, state_setter)
    return y


def _fill(y, memo, state, listitems, dictitems, state_setter=None):
    # The part of a reduce tuple after creation: state, then items.
    deep = memo is not None
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        _apply_state(y, state, state_setter)
    if listitems is not None:
        for item in listitems:
            y.append(deepcopy(item, memo) if deep else item)
    if dictitems is not None:
        for key, value in dictitems:
            if deep:
                key, value = deepcopy(key, memo), deepcopy(value, memo)
            y[key] = value


def _apply_state(y, state, state_setter):
    if state_setter is not None:
        state_setter(y, state)
        return
    setstate = getattr(y, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return
    # Default state: a __dict__ update, or (dict, slot values) for classes
    # with __slots__.
    slot_values = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slot_values = state
    if state:
        y.__dict__.update(state)
    if slot_values:
        for name, value in slot_values.items():
            setattr(y, name, value)


# --- Plain instances (no reduce method of their own) --------------------------------

def _slot_names(cls):
    """Attribute names of every __slots__ entry along the MRO, mangled as Python does."""
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                owner = klass.__name__.lstrip('_')
                if owner:
                    name = '_' + owner + name
            names.append(name)
    return names


def _instance_state(x, cls):
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None:
        return getstate()
    state = getattr(x, '__dict__', None) or None
    slot_values = {}
    for name in _slot_names(cls):
        value = getattr(x, name, _nil_slot)
        if value is not _nil_slot:
            slot_values[name] = value
    if slot_values:
        return (state, slot_values)
    return state


_nil_slot = object()


def _copy_plain_instance(x, cls, memo):
    # Replays what copyreg's protocol-2 reduction would give.
    newargs_ex = getattr(x, '__getnewargs_ex__', None)
    if newargs_ex is not None:
        args, kwargs = newargs_ex()
    else:
        newargs = getattr(x, '__getnewargs__', None)
        args, kwargs = (newargs() if newargs is not None else ()), {}
    if memo is not None:
        if args:
            args = deepcopy(args, memo)
        if kwargs:
            kwargs = deepcopy(kwargs, memo)
    y = cls.__new__(cls, *args, **kwargs)
    if memo is not None:
        memo[id(x)] = y
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    _fill(y, memo, _instance_state(x, cls), listitems, dictitems)
    if isinstance(x, set):
        for item in x:
            y.add(item if memo is None else deepcopy(item, memo))
    return y
