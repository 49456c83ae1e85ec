"""Higher-order helpers: tools that take or return callables.

Design notes
------------
Covered: partial and partialmethod, reduce, update_wrapper and wraps,
lru_cache and cache, cmp_to_key, total_ordering, cached_property,
singledispatch and singledispatchmethod.

Left out or simplified:
  * singledispatch looks an argument's class up along its __mro__; abstract
    base classes that a class merely registers with (or duck-types) are only
    consulted when no real base matched, and then the most derived matching
    one wins instead of CPython's "ambiguous dispatch" error.  `registry` is
    a plain dict, not a read-only proxy.
  * cached_property takes no lock (as in CPython 3.12): two threads reading
    a fresh attribute at once may both compute it; the last store wins.

lru_cache.  gilpy's dicts keep insertion order, so the dict that maps keys
to results is also the recency list: a hit pops the key and stores it again
(moving it to the newest end), and eviction deletes the first key.  Both are
single C operations, several times cheaper than relinking a Python-level
doubly linked list.  The catch is that deleted entries leave holes at the
front of the dict's entry array which `next(iter(d))` must step over; the
wrapper counts deletions and, once they pass a threshold that grows with
the square root of maxsize, replaces the dict with a compact copy, keeping
eviction amortised O(sqrt(maxsize)) C steps and O(1) bytecodes.

Thread safety relies on the GIL making each dict operation atomic.  Two
threads may compute the same missing value at once (both results are
correct; one is kept), and an eviction racing with cache_clear() is simply
skipped.  The counters are best effort under contention, like the cache
itself.

Cache keys.  A call with one int or str argument and no keywords is keyed
by the argument itself (the common memoisation case, and hash is cheap);
every other call is keyed by a tuple of the positional arguments, then a
marker object and the (name, value) pairs, then (typed=True) the argument
types.
A tuple key never equals a bare int or str key, so f(1) and f(1.0) are
cached separately when untyped, as in CPython.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

import sys
from collections import namedtuple

# A default that no caller can pass, for "argument omitted" and "not found".
_ABSENT = object()


# --- Wrapper metadata -------------------------------------------------------

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Copy [wrapped]'s identity onto [wrapper] and point __wrapped__ at it.

    Attributes named in [assigned] that [wrapped] lacks are skipped; the
    dicts named in [updated] are merged.  __wrapped__ is written last so a
    __wrapped__ inherited through __dict__ cannot override it.
    """
    for name in assigned:
        value = getattr(wrapped, name, _ABSENT)
        if value is not _ABSENT:
            setattr(wrapper, name, value)
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper: @wraps(f) on the wrapper of f."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# --- total_ordering -----------------------------------------------------------

# Preference order when a class defines several comparisons.
_ORDER_OPS = ('__lt__', '__le__', '__gt__', '__ge__')
_STRICT = {'__lt__', '__gt__'}
_BELOW = {'__lt__', '__le__'}


def _comparison_from(root, target):
    """Build [target] (say __ge__) out of the class's own [root] (say __lt__).

    Every such derivation is "r" or "not r" (not when the two face opposite
    ways), fixed up for equal operands: a non-strict target also accepts
    equality ("or =="), a strict one excludes it ("and !="), except for the
    plain negation pairs (< vs >=, <= vs >) which already get ties right.
    """
    negate = (root in _BELOW) != (target in _BELOW)
    plain_negation = negate and (root in _STRICT) != (target in _STRICT)
    if plain_negation:
        tie = None
    else:
        tie = 'exclude' if target in _STRICT else 'include'

    def compare(self, other):
        r = getattr(type(self), root)(self, other)
        if r is NotImplemented:
            return r
        if negate:
            r = not r
        if tie == 'include':
            return r or self == other
        if tie == 'exclude':
            return r and self != other
        return r

    compare.__name__ = target
    return compare


def total_ordering(cls):
    """Class decorator: fill in the missing rich comparisons from one of them."""
    defined = [op for op in _ORDER_OPS
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = defined[0]
    for op in _ORDER_OPS:
        if op not in defined:
            method = _comparison_from(root, op)
            method.__qualname__ = '%s.%s' % (cls.__qualname__, op)
            setattr(cls, op, method)
    return cls


# --- cmp_to_key -----------------------------------------------------------------

def cmp_to_key(mycmp):
    """Turn an old-style cmp(a, b) -> negative/zero/positive into a key= callable."""

    # One small class per comparison function: the closure over mycmp keeps
    # each comparison to a single call, which matters inside sort().
    class KeyWrapper:
        __slots__ = ('obj',)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __hash__(self):
            raise TypeError("unhashable type: 'functools.KeyWrapper'")

    KeyWrapper.__module__ = 'functools'
    return KeyWrapper


# --- reduce -----------------------------------------------------------------------

def reduce(function, sequence, initial=_ABSENT, /):
    """reduce(function, iterable[, initial]) -> value

    Fold the items from left to right: function(function(a, b), c), ...;
    [initial], when given, goes first and is the result for an empty input.
    """
    try:
        items = iter(sequence)
    except TypeError:
        raise TypeError("reduce() arg 2 must support iteration") from None
    total = initial
    if total is _ABSENT:
        total = next(items, _ABSENT)
        if total is _ABSENT:
            raise TypeError("reduce() of empty iterable with no initial value")
    for item in items:
        total = function(total, item)
    return total


# --- partial and partialmethod -------------------------------------------------

class partial:
    """partial(func, *args, **keywords): func with some arguments filled in.

    Calling it appends the call's positional arguments to [args] and lets the
    call's keywords override [keywords].  A partial of a partial is flattened
    into one.  func, args and keywords are read-only; other attributes go to
    the instance __dict__, which pickling and copying carry along.
    """

    __slots__ = ('_func', '_args', '_keywords', '__dict__', '__weakref__')

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        self._func = func
        self._args = args
        self._keywords = keywords
        return self

    func = property(lambda self: self._func,
                    doc='function object to use in future partial calls')
    args = property(lambda self: self._args,
                    doc='tuple of arguments to future partial calls')
    keywords = property(lambda self: self._keywords,
                        doc='dictionary of keyword arguments to future partial calls')

    def __call__(self, /, *args, **keywords):
        stored = self._keywords
        if stored:
            keywords = {**stored, **keywords}
        return self._func(*self._args, *args, **keywords)

    def __repr__(self):
        cls = type(self)
        name = cls.__name__
        if cls.__module__ == 'functools':
            name = 'functools.' + name
        # A partial that (through its arguments) contains itself shows
        # "..." at the inner occurrence instead of recursing forever.
        marker = (id(self), _thread_ident())
        if marker in _reprs_running:
            return '...'
        _reprs_running.add(marker)
        try:
            shown = [repr(self._func)]
            shown += [repr(a) for a in self._args]
            shown += ['%s=%r' % item for item in self._keywords.items()]
        finally:
            _reprs_running.discard(marker)
        return '%s(%s)' % (name, ', '.join(shown))

    def __reduce__(self):
        return (type(self), (self._func,),
                (self._func, self._args, self._keywords, self.__dict__ or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple) or len(state) != 4:
            raise TypeError("invalid partial state")
        func, args, keywords, namespace = state
        if (not callable(func) or not isinstance(args, tuple)
                or (keywords is not None and not isinstance(keywords, dict))
                or (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError("invalid partial state")
        # Subclasses of tuple and dict are stored as the plain types; the
        # plain ones are kept as they are, so a copy shares them.
        self._func = func
        self._args = tuple(args)
        if keywords is None:
            keywords = {}
        elif type(keywords) is not dict:
            keywords = dict(keywords)
        self._keywords = keywords
        self.__dict__ = {} if namespace is None else namespace

    def __class_getitem__(cls, item):
        from types import GenericAlias
        return GenericAlias(cls, item)


# (id, thread) of the partials whose repr is being built, for __repr__.
_reprs_running = set()


def _thread_ident():
    from _thread import get_ident
    return get_ident()


class partialmethod:
    """partial for methods: the filled-in arguments come after self (or cls)."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        if isinstance(func, partialmethod):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        cls = type(self)
        pieces = (repr(self.func),
                  ', '.join(repr(a) for a in self.args),
                  ', '.join('%s=%r' % item for item in self.keywords.items()))
        return '%s.%s(%s)' % (cls.__module__, cls.__qualname__, ', '.join(pieces))

    def __get__(self, obj, cls=None):
        func = self.func
        binder = getattr(func, '__get__', None)
        if binder is not None and not isinstance(func, partial):
            # Let the wrapped descriptor (function, classmethod,
            # staticmethod...) bind itself, then fill in our arguments.
            bound = binder(obj, cls)
            if bound is not func:
                result = partial(bound, *self.args, **self.keywords)
                owner = getattr(bound, '__self__', _ABSENT)
                if owner is not _ABSENT:
                    result.__self__ = owner
                return result
        # Not a binding descriptor (a partial, a callable object, or a plain
        # function looked up on the class): wrap it in a function taking the
        # instance first, and bind that.
        args, keywords = self.args, self.keywords

        def method(owner, /, *more, **kw):
            return func(owner, *args, *more, **{**keywords, **kw})

        method.__isabstractmethod__ = self.__isabstractmethod__
        return method.__get__(obj, cls)

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# --- lru_cache and cache ------------------------------------------------------

_cache_info = namedtuple('CacheInfo', 'hits misses maxsize currsize')
_CacheInfo = _cache_info  # the name CPython gives it

# Separates positional from keyword parts in a cache key.
_KEYWORD_MARK = object()
_BARE_KEY_TYPES = (int, str)
# Bound once: a program may replace builtins.len with a cached function,
# which must not make the cache machinery call itself.
_len = len


def _key_plain(args, kwds):
    if kwds:
        return args + (_KEYWORD_MARK,) + tuple(kwds.items())
    if _len(args) == 1 and type(args[0]) in _BARE_KEY_TYPES:
        return args[0]
    return args


def _key_typed(args, kwds):
    types = tuple([type(v) for v in args])
    if kwds:
        types += tuple([type(v) for v in kwds.values()])
        return args + (_KEYWORD_MARK,) + tuple(kwds.items()) + types
    return args + types


def _build_cached(user_function, maxsize, typed):
    """Return the caching wrapper for [user_function] (not yet update_wrapper'd)."""
    key_of = _key_typed if typed else _key_plain
    store = {}
    hits = misses = 0
    # Deleted entries since the dict was last compacted (see design notes).
    holes = 0
    compact_after = 32 + int((2 * maxsize) ** 0.5) if maxsize else 0

    if maxsize == 0:
        def cached(*args, **kwds):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def cached(*args, **kwds):
            nonlocal hits, misses
            key = key_of(args, kwds)
            result = store.get(key, _ABSENT)
            if result is not _ABSENT:
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            store[key] = result
            return result

    else:
        def cached(*args, **kwds):
            nonlocal hits, misses, holes, store
            key = key_of(args, kwds)
            result = store.pop(key, _ABSENT)
            if result is not _ABSENT:
                # Re-inserting makes the key the most recently used.
                store[key] = result
                hits += 1
                holes += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            store[key] = result
            if _len(store) > maxsize:
                try:
                    del store[next(iter(store))]
                except (KeyError, StopIteration, RuntimeError):
                    pass  # another thread evicted or cleared meanwhile
                holes += 1
                if holes > compact_after:
                    store = store.copy()
                    holes = 0
            return result

    def cache_info():
        """Return CacheInfo(hits, misses, maxsize, currsize)."""
        return _cache_info(hits, misses, maxsize, _len(store))

    def cache_clear():
        """Empty the cache and reset its statistics."""
        nonlocal hits, misses, holes
        store.clear()
        hits = misses = holes = 0

    def cache_parameters():
        return {'maxsize': maxsize, 'typed': typed}

    cached.cache_info = cache_info
    cached.cache_clear = cache_clear
    cached.cache_parameters = cache_parameters
    return cached


def lru_cache(maxsize=128, typed=False):
    """Memoise a function, keeping at most [maxsize] results (None: unbounded).

    Evicts the least recently used result when full.  typed=True caches
    arguments of different types (3 and 3.0) separately.  The wrapper has
    cache_info(), cache_clear(), cache_parameters() and __wrapped__.  Usable
    as @lru_cache, @lru_cache() or @lru_cache(maxsize, typed).
    """
    if isinstance(maxsize, int):
        maxsize = max(maxsize, 0)
    elif callable(maxsize) and isinstance(typed, bool):
        # Bare @lru_cache: the function arrived in place of maxsize.
        user_function = maxsize
        return update_wrapper(_build_cached(user_function, 128, typed), user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorate(user_function):
        return update_wrapper(_build_cached(user_function, maxsize, typed), user_function)
    return decorate


def cache(user_function, /):
    """Unbounded memoisation: lru_cache(maxsize=None)."""
    return lru_cache(maxsize=None)(user_function)


# --- singledispatch ---------------------------------------------------------------

_UNION_TYPE = type(int | str)


def _union_members(obj):
    """The member classes of an `X | Y` or typing.Union[...] object, else None."""
    if type(obj) is _UNION_TYPE:
        return obj.__args__
    typing = sys.modules.get('typing')
    if typing is not None and getattr(obj, '__origin__', None) is getattr(typing, 'Union', _ABSENT):
        return obj.__args__
    return None


def _classes_to_register(obj):
    """The classes [obj] stands for as a dispatch key, or None if it is not one."""
    if isinstance(obj, type):
        return (obj,)
    members = _union_members(obj)
    if members and all(isinstance(m, type) for m in members):
        return members
    return None


def _annotation_target(func):
    """The (parameter name, classes) that an annotated implementation registers for."""
    annotations = getattr(func, '__annotations__', None)
    if annotations is None:
        # classmethod/staticmethod objects: look at the function inside.
        annotations = getattr(getattr(func, '__func__', None), '__annotations__', None)
    if not annotations:
        raise TypeError(f"Invalid first argument to `register()`: {func!r}. "
                        f"Use either `@register(some_class)` or plain `@register` "
                        f"on an annotated function.")
    name, hint = next(iter(annotations.items()))
    if hint is None:
        hint = type(None)
    elif isinstance(hint, str):
        # Same resolution as typing.get_type_hints: the function's globals,
        # builtins included.  A NameError propagates, as it does there.
        inner = func
        while hasattr(inner, '__wrapped__') or hasattr(inner, '__func__'):
            inner = getattr(inner, '__wrapped__', None) or inner.__func__
        hint = eval(hint, getattr(inner, '__globals__', {}))
    classes = _classes_to_register(hint)
    if classes is None:
        if _union_members(hint) is not None:
            raise TypeError(f"Invalid annotation for {name!r}. "
                            f"{hint!r} not all arguments are classes.")
        raise TypeError(f"Invalid annotation for {name!r}. {hint!r} is not a class.")
    return classes


def _best_implementation(cls, registry):
    for base in cls.__mro__:
        if base is not object and base in registry:
            return registry[base]
    # No real base is registered: try registered classes that [cls] is only
    # a virtual subclass of (ABCs), keeping the most derived of them.
    best = None
    for key in registry:
        if key is object or not issubclass(cls, key):
            continue
        if best is None or issubclass(key, best):
            best = key
    return registry[object] if best is None else registry[best]


def singledispatch(func):
    """Make [func] a generic function that dispatches on its first argument's type.

    [func] is the fallback; add implementations with `@f.register(cls)`, or
    `@f.register` on a function whose first annotation names the class (a
    union registers each member).
    """
    registry = {object: func}
    resolved = {}
    funcname = getattr(func, '__name__', 'singledispatch function')

    def dispatch(cls):
        """Return the implementation used for arguments of class [cls]."""
        try:
            return resolved[cls]
        except KeyError:
            impl = resolved[cls] = _best_implementation(cls, registry)
            return impl

    def register(cls, func=None):
        """Register [func] for [cls]; without func, return a decorator."""
        classes = _classes_to_register(cls)
        if classes is not None:
            if func is None:
                return lambda f: register(cls, f)
        elif func is not None:
            raise TypeError(f"Invalid first argument to `register()`. "
                            f"{cls!r} is not a class or union type.")
        else:
            func = cls
            classes = _annotation_target(func)
        for klass in classes:
            registry[klass] = func
        resolved.clear()
        return func

    def generic(*args, **kwargs):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kwargs)

    generic.register = register
    generic.dispatch = dispatch
    generic.registry = registry
    return update_wrapper(generic, func)


class singledispatchmethod:
    """singledispatch for methods: dispatches on the first argument after self/cls.

    Wraps functions and descriptors such as classmethod and staticmethod.
    """

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """Register [method] for [cls], as singledispatch's register does."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatch = self.dispatcher.dispatch

        def bound(*args, **kwargs):
            impl = dispatch(args[0].__class__)
            return impl.__get__(obj, cls)(*args, **kwargs)

        bound.__isabstractmethod__ = self.__isabstractmethod__
        bound.register = self.register
        update_wrapper(bound, self.func)
        return bound

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# --- cached_property ------------------------------------------------------------

class cached_property:
    """A property computed on first access and then stored in the instance dict.

    Being a non-data descriptor, later reads find the stored value first and
    never reach __get__; deleting the attribute makes the next read compute
    it again.
    """

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif self.attrname != name:
            raise TypeError("Cannot assign the same cached_property to two different "
                            f"names ({self.attrname!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        name = self.attrname
        if name is None:
            raise TypeError("Cannot use cached_property instance without "
                            "calling __set_name__ on it.")
        try:
            slots = instance.__dict__
        except AttributeError:
            raise TypeError(f"No '__dict__' attribute on {type(instance).__name__!r} "
                            f"instance to cache {name!r} property.") from None
        value = slots.get(name, _ABSENT)
        if value is _ABSENT:
            value = self.func(instance)
            try:
                slots[name] = value
            except TypeError:
                raise TypeError(f"The '__dict__' attribute on {type(instance).__name__!r} "
                                f"instance does not support item assignment for "
                                f"caching {name!r} property.") from None
        return value
