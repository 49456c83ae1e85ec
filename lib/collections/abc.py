"""collections.abc: the abstract base classes of Python's container protocols.

Design notes
------------
Each ABC here names one protocol (Sized: has __len__; Mapping: read-only
dict-like access; ...).  They serve three purposes, as in CPython:

1. isinstance()/issubclass() tests.  The one-method "one-trick ponies"
   (Hashable, Iterable, Sized, Callable, Awaitable, ...) recognise any class
   that defines their methods, through __subclasshook__ and _defines()
   below: a method counts when some class on the MRO defines it with a value
   other than None (setting __hash__ = None, say, switches Hashable off).
   The richer ABCs (Sequence, Mapping, Set, ...) only know classes that
   inherit from them or were register()ed, because having __getitem__ does
   not tell a sequence from a mapping.
2. Mixins.  Subclass Sequence and define __getitem__ and __len__, and
   __contains__, __iter__, __reversed__, index and count come for free; the
   same goes for the Set, Mapping and Mutable* families.  The mixins use only
   the abstract methods, so they are slower than the builtins' own.
3. Documentation of which builtin is which: the builtin types (and the
   iterator, view, generator and coroutine types gilpy has) are registered
   at the bottom of the file.

The machinery (abstract-method bookkeeping, register(), the caches) is
lib/abc.py's ABCMeta.  Generic aliases (Iterable[int]) come from
types.GenericAlias.

Left out: Buffer (3.12), CPython's special Callable[[args], result] alias
object (Callable[...] gives a plain GenericAlias), and the private helpers
CPython's version exposes.
"""

from abc import ABCMeta, abstractmethod
import sys
import types

__all__ = [
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
    "Hashable", "Iterable", "Iterator", "Generator", "Reversible",
    "Sized", "Container", "Callable", "Collection",
    "Set", "MutableSet",
    "Mapping", "MutableMapping",
    "MappingView", "KeysView", "ItemsView", "ValuesView",
    "Sequence", "MutableSequence",
    "ByteString",
]

_generic = classmethod(types.GenericAlias)


def _defines(cls, *names):
    # True when every name in [names] is defined, and not set to None, by
    # some class on cls's MRO; None there means "deliberately absent".
    # NotImplemented (not False) lets isinstance() go on to registration.
    mro = cls.__mro__
    for name in names:
        for klass in mro:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def _pony(name, bases, names, body):
    # Build an ABC that recognises a class by the methods in [names].  The
    # hook only answers for the ABC itself: a subclass of it may demand
    # more than these methods, so it falls back to inheritance/registration.
    def __subclasshook__(cls, candidate):
        if cls is made:
            return _defines(candidate, *names)
        return NotImplemented
    made = ABCMeta(name, bases, dict(body, __module__=__name__, __slots__=(),
                                     __subclasshook__=classmethod(__subclasshook__)))
    return made


# ---------------------------------------------------------------------------
# The protocol ABCs
#
# Each is built by _pony() from a dict: the abstract stubs (whose bodies
# only matter to code that calls them through super()), the mixins, and the
# names its __subclasshook__ looks for.


def _stub(result=None):
    # An abstract method that answers [result] if ever called directly.
    def stub(self, *args, **kwargs):
        return result
    return abstractmethod(stub)


def _stopped_stub(stop):
    # An abstract method that reports exhaustion with [stop].
    def stub(self, *args, **kwargs):
        raise stop
    return abstractmethod(stub)


def _async_stopped_stub():
    async def stub(self, *args, **kwargs):
        raise StopAsyncIteration
    return abstractmethod(stub)


def _raising_stub():
    # throw()/athrow(): raise what was thrown in.
    def stub(self, typ, val=None, tb=None):
        raise _exception_of(typ, val, tb)
    return abstractmethod(stub)


def _exception_of(typ, val, tb):
    # throw() accepts a class, an instance, or (class, value); this builds
    # the exception instance it should raise.
    if val is None:
        error = typ() if isinstance(typ, type) else typ
    elif isinstance(val, BaseException):
        error = val
    else:
        error = typ(val)
    return error if tb is None else error.with_traceback(tb)


def _closer(what, stop_type):
    # close()/aclose() as the generator protocol defines them: throw
    # GeneratorExit in, and complain if the object goes on instead of
    # finishing.
    complaint = what + " ignored GeneratorExit"

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, stop_type):
            return
        raise RuntimeError(complaint)

    async def aclose(self):
        try:
            await self.athrow(GeneratorExit)
        except (GeneratorExit, stop_type):
            return
        raise RuntimeError(complaint)

    return aclose if stop_type is StopAsyncIteration else close


def _same(self):
    return self


def _iter_nothing(self):
    return iter(())


def _await_nothing(self):
    yield None


async def _anext_from_asend(self):
    return await self.asend(None)


def _next_from_send(self):
    return self.send(None)


Hashable = _pony("Hashable", (), ("__hash__",), {"__hash__": _stub(0)})
Awaitable = _pony("Awaitable", (), ("__await__",), {
    "__await__": abstractmethod(_await_nothing),
    "__class_getitem__": _generic,
})
Coroutine = _pony("Coroutine", (Awaitable,), ("__await__", "send", "throw", "close"), {
    "send": _stopped_stub(StopIteration),
    "throw": _raising_stub(),
    "close": _closer("coroutine", StopIteration),
})
AsyncIterable = _pony("AsyncIterable", (), ("__aiter__",), {
    "__aiter__": _stub(),
    "__class_getitem__": _generic,
})
AsyncIterator = _pony("AsyncIterator", (AsyncIterable,), ("__anext__", "__aiter__"), {
    "__anext__": _async_stopped_stub(),
    "__aiter__": _same,
})
AsyncGenerator = _pony("AsyncGenerator", (AsyncIterator,),
                       ("__aiter__", "__anext__", "asend", "athrow", "aclose"), {
    "__anext__": _anext_from_asend,
    "asend": _async_stopped_stub(),
    "athrow": _raising_stub(),
    "aclose": _closer("asynchronous generator", StopAsyncIteration),
})
Iterable = _pony("Iterable", (), ("__iter__",), {
    "__iter__": abstractmethod(_iter_nothing),
    "__class_getitem__": _generic,
})
Iterator = _pony("Iterator", (Iterable,), ("__iter__", "__next__"), {
    "__next__": _stopped_stub(StopIteration),
    "__iter__": _same,
})
Reversible = _pony("Reversible", (Iterable,), ("__reversed__", "__iter__"), {
    "__reversed__": abstractmethod(_iter_nothing),
})
Generator = _pony("Generator", (Iterator,),
                  ("__iter__", "__next__", "send", "throw", "close"), {
    "__next__": _next_from_send,
    "send": _stopped_stub(StopIteration),
    "throw": _raising_stub(),
    "close": _closer("generator", StopIteration),
})
Sized = _pony("Sized", (), ("__len__",), {"__len__": _stub(0)})
Container = _pony("Container", (), ("__contains__",), {
    "__contains__": _stub(False),
    "__class_getitem__": _generic,
})
Callable = _pony("Callable", (), ("__call__",), {
    "__call__": _stub(False),
    "__class_getitem__": _generic,
})
Collection = _pony("Collection", (Sized, Iterable, Container),
                   ("__len__", "__iter__", "__contains__"), {})


# ---------------------------------------------------------------------------
# Sets


class Set(Collection):
    """A read-only set.  Define __contains__, __iter__ and __len__; the
    comparisons, & | - ^ and isdisjoint() follow."""

    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        # How the operators build their result.  Override it when the
        # constructor does not take a single iterable.
        return cls(it)

    # Comparisons are subset tests; they only make sense against another
    # Set, so anything else gets NotImplemented (and == falls back to
    # identity).

    def _contained_in(self, other, size_ok):
        if isinstance(other, Set):
            return size_ok(len(self), len(other)) and all(x in other for x in self)
        return NotImplemented

    def _containing(self, other, size_ok):
        if isinstance(other, Set):
            return size_ok(len(self), len(other)) and all(x in self for x in other)
        return NotImplemented

    def __le__(self, other):
        return self._contained_in(other, lambda mine, theirs: mine <= theirs)

    def __lt__(self, other):
        return self._contained_in(other, lambda mine, theirs: mine < theirs)

    def __eq__(self, other):
        return self._contained_in(other, lambda mine, theirs: mine == theirs)

    def __ge__(self, other):
        return self._containing(other, lambda mine, theirs: mine >= theirs)

    def __gt__(self, other):
        return self._containing(other, lambda mine, theirs: mine > theirs)

    def isdisjoint(self, other):
        """True when the two share no element."""
        return not any(item in self for item in other)

    # The operators accept any iterable on the other side.  & and | only
    # walk it; - and ^ need fast membership on it, so it becomes a set of
    # our kind first.

    def _setlike(self, other):
        if isinstance(other, Set):
            return other
        return self._from_iterable(other) if isinstance(other, Iterable) else None

    def __and__(self, other):
        if isinstance(other, Iterable):
            return self._from_iterable(item for item in other if item in self)
        return NotImplemented

    __rand__ = __and__

    def __or__(self, other):
        if isinstance(other, Iterable):
            return self._from_iterable(_both(self, other))
        return NotImplemented

    __ror__ = __or__

    def __sub__(self, other):
        theirs = self._setlike(other)
        if theirs is None:
            return NotImplemented
        return self._from_iterable(item for item in self if item not in theirs)

    def __rsub__(self, other):
        theirs = self._setlike(other)
        if theirs is None:
            return NotImplemented
        return self._from_iterable(item for item in theirs if item not in self)

    def __xor__(self, other):
        theirs = self._setlike(other)
        if theirs is None:
            return NotImplemented
        return self.__sub__(theirs).__or__(self.__rsub__(theirs))

    __rxor__ = __xor__

    def _hash(self):
        """An order-independent hash of the elements, for hashable
        subclasses to use as their __hash__ (Set itself is unhashable).
        It equals hash(frozenset(self)) for the same elements."""
        # frozenset's own algorithm, done in Python with the machine word
        # simulated by a mask: every element hash is shuffled (so that
        # xor-ing nearby hashes does not cancel out), the shuffles are
        # xor-ed with a term for the size, and the total is scrambled once.
        mask = 2 * sys.maxsize + 1
        total = (len(self) + 1) * 1927868237
        for item in self:
            h = hash(item)
            total ^= ((h ^ 89869747 ^ (h << 16)) * 3644798167) & mask
        total &= mask
        total ^= (total >> 11) ^ (total >> 25)
        total = (total * 69069 + 907133923) & mask
        if total > sys.maxsize:
            total -= mask + 1
        return 590923713 if total == -1 else total


def _both(first, second):
    for source in (first, second):
        yield from source


class MutableSet(Set):
    """A set that can change: define add() and discard() as well."""

    __slots__ = ()

    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        """Remove [value]; KeyError if it is absent."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Remove and return some element; KeyError when empty."""
        for item in self:
            self.discard(item)
            return item
        raise KeyError

    def clear(self):
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        for item in it:
            self.add(item)
        return self

    def __iand__(self, it):
        for item in [x for x in self if x not in it]:
            self.discard(item)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        it = self._setlike(it)
        for item in it:
            if item in self:
                self.discard(item)
            else:
                self.add(item)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        for item in it:
            self.discard(item)
        return self


# ---------------------------------------------------------------------------
# Mappings


class Mapping(Collection):
    """A read-only mapping.  Define __getitem__, __iter__ and __len__; get,
    in, keys, items, values and == follow."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        # Equal when they hold the same pairs; the dict comparison does the
        # work, and only other Mappings take part.
        if isinstance(other, Mapping):
            return dict(self) == dict(other)
        return NotImplemented

    # Iteration order is not reversible in general; reversed() should fail
    # rather than use the Sequence protocol on keys.
    __reversed__ = None


class MappingView(Sized):
    """What keys(), items() and values() of a Mapping return."""

    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._mapping)

    __class_getitem__ = _generic


class KeysView(MappingView, Set):
    """A Mapping's keys as a set."""

    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    """A Mapping's (key, value) pairs as a set."""

    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            found = self._mapping[key]
        except KeyError:
            return False
        return found is value or found == value

    def __iter__(self):
        source = self._mapping
        for key in source:
            yield key, source[key]


class ValuesView(MappingView, Collection):
    """A Mapping's values."""

    __slots__ = ()

    def __contains__(self, value):
        source = self._mapping
        return any(source[k] is value or source[k] == value for k in source)

    def __iter__(self):
        source = self._mapping
        for key in source:
            yield source[key]


_NO_DEFAULT = object()


def _pairs_of(source):
    # The (key, value) pairs update() takes from [source]: a Mapping or
    # anything with keys() is indexed by its keys, the rest is assumed to
    # be an iterable of pairs already.
    if isinstance(source, Mapping) or hasattr(source, "keys"):
        keys = source if isinstance(source, Mapping) else source.keys()
        return [(key, source[key]) for key in keys]
    return source


class MutableMapping(Mapping):
    """A mapping that can change: define __setitem__ and __delitem__ too."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_NO_DEFAULT):
        """Remove [key] and return its value, or [default] if it is absent
        (KeyError when no default is given)."""
        try:
            value = self[key]
        except KeyError:
            if default is _NO_DEFAULT:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        """Remove and return some (key, value); KeyError when empty."""
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def clear(self):
        for key in list(self):
            del self[key]

    def update(self, other=(), /, **kwds):
        """Copy pairs in from a mapping, something with keys(), or an
        iterable of pairs; then from the keyword arguments."""
        for source in (other, kwds):
            for key, value in _pairs_of(source):
                self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


# ---------------------------------------------------------------------------
# Sequences


class Sequence(Reversible, Collection):
    """A read-only sequence.  Define __getitem__ (integer indices from 0)
    and __len__; iteration, in, reversed(), index() and count() follow."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        # IndexError ends the walk, so a __len__ is not needed for this.
        position = 0
        try:
            while True:
                yield self[position]
                position += 1
        except IndexError:
            return

    def __contains__(self, value):
        return any(item is value or item == value for item in self)

    def __reversed__(self):
        for position in range(len(self) - 1, -1, -1):
            yield self[position]

    def index(self, value, start=0, stop=None):
        """The first position of [value] in self[start:stop]; ValueError
        if it is not there."""
        first, end, _ = slice(start, stop).indices(len(self))
        for position in range(first, end):
            item = self[position]
            if item is value or item == value:
                return position
        raise ValueError

    def count(self, value):
        """How many items equal [value]."""
        return sum(1 for item in self if item is value or item == value)


class ByteString(Sequence):
    """bytes and bytearray."""

    __slots__ = ()


class MutableSequence(Sequence):
    """A sequence that can change: define __setitem__, __delitem__ and
    insert() too; append, extend, pop, remove, reverse, clear and +=
    follow."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        size = len(self)
        for low in range(size // 2):
            high = size - 1 - low
            self[low], self[high] = self[high], self[low]

    def extend(self, values):
        # Copy first: extending a sequence by itself must not run forever.
        if values is self:
            values = list(values)
        for value in values:
            self.append(value)

    def pop(self, index=-1):
        """Remove and return the item at [index] (default: the last)."""
        value = self[index]
        del self[index]
        return value

    def remove(self, value):
        """Remove the first item equal to [value]; ValueError if none."""
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


# ---------------------------------------------------------------------------
# Where the builtin types fit


def _kind(value):
    return type(value)


_sample_dict = {"k": 0}


async def _sample_coroutine_function():
    pass


def _sample_generator_function():
    yield


async def _sample_async_generator_function():
    yield


for _abc, _types in (
    (Iterator, (
        _kind(iter(b"")), _kind(iter(bytearray())), _kind(iter({})),
        _kind(iter({}.values())), _kind(iter({}.items())), _kind(iter([])),
        _kind(reversed([])), _kind(iter(range(1))), _kind(iter(range(1 << 70))),
        _kind(iter(set())), _kind(iter("")), _kind(iter(())), _kind(zip()),
    )),
    (Generator, (_kind(_sample_generator_function()),)),
    (Sequence, (tuple, str, range, memoryview)),
    (MutableSequence, (list, bytearray)),
    (ByteString, (bytes, bytearray)),
    (Set, (frozenset,)),
    (MutableSet, (set,)),
    (Mapping, (types.MappingProxyType,)),
    (MutableMapping, (dict,)),
    (KeysView, (_kind(_sample_dict.keys()),)),
    (ValuesView, (_kind(_sample_dict.values()),)),
    (ItemsView, (_kind(_sample_dict.items()),)),
):
    for _t in _types:
        _abc.register(_t)

# Coroutine and async-generator objects: made and closed at once so that no
# "never awaited" warning is left behind.
_probe = _sample_coroutine_function()
Coroutine.register(_kind(_probe))
_probe.close()
_probe = _sample_async_generator_function()
AsyncGenerator.register(_kind(_probe))
del _probe, _abc, _types, _t, _sample_dict

# The package's own containers.  collections/__init__.py does not import
# this module (that would slow every `import collections` down), so the
# registration happens from this side; the package is always loaded first.
from collections import ChainMap as _ChainMap, deque as _deque
MutableMapping.register(_ChainMap)
MutableSequence.register(_deque)
del _ChainMap, _deque
