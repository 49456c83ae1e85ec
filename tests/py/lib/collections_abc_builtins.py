# collections.abc: where the builtin types fit, and the __subclasshook__
# checks of the one-method ABCs (including None switching a method off).
import collections.abc as A
from collections.abc import (Hashable, Awaitable, Coroutine, AsyncIterable,
                             AsyncIterator, AsyncGenerator, Iterable, Iterator,
                             Generator, Reversible, Sized, Container, Callable,
                             Collection, Set, MutableSet, Mapping, MutableMapping,
                             MappingView, KeysView, ItemsView, ValuesView,
                             Sequence, MutableSequence, ByteString)
import types

print(sorted(A.__all__))
ABCS = [Hashable, Awaitable, Coroutine, AsyncIterable, AsyncIterator,
        AsyncGenerator, Iterable, Iterator, Generator, Reversible, Sized,
        Container, Callable, Collection, Set, MutableSet, Mapping,
        MutableMapping, MappingView, KeysView, ItemsView, ValuesView,
        Sequence, MutableSequence, ByteString]
for abc in ABCS:
    print(abc.__name__, abc.__module__, repr(abc), sorted(abc.__abstractmethods__))


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


c = coro()
samples = {
    "int": 1, "float": 1.5, "str": "ab", "bytes": b"ab", "bytearray": bytearray(b"ab"),
    "list": [1], "tuple": (1,), "dict": {1: 2}, "set": {1}, "frozenset": frozenset([1]),
    "range": range(3), "memoryview": memoryview(b"ab"), "keys": {1: 2}.keys(),
    "values": {1: 2}.values(), "items": {1: 2}.items(), "list_iter": iter([1]),
    "dict_iter": iter({}), "str_iter": iter(""), "gen": gen(), "coro": c,
    "agen": agen(), "func": len, "lambda": lambda: 0, "type": int, "None": None,
    "mappingproxy": types.MappingProxyType({}), "zip": zip(), "reversed": reversed([1]),
    "range_iter": iter(range(2)), "set_iter": iter({1}), "tuple_iter": iter(()),
}
for name, value in samples.items():
    print(name, "".join("1" if isinstance(value, abc) else "." for abc in ABCS))
c.close()


class Nothing:
    pass


class OnlyIter:
    def __iter__(self):
        return iter(())


class Full:
    def __len__(self):
        return 0

    def __iter__(self):
        return iter(())

    def __contains__(self, x):
        return False

    def __reversed__(self):
        return iter(())

    def __call__(self):
        return 1


class NoHash:
    __hash__ = None


class ChildOff(Full):
    __len__ = None


class ItNext:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


class Aw:
    def __await__(self):
        yield


class AIt:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise StopAsyncIteration


for cls in (Nothing, OnlyIter, Full, NoHash, ChildOff, ItNext, Aw, AIt, dict, list):
    print(cls.__name__, "".join("1" if issubclass(cls, abc) else "." for abc in ABCS))

# A subclass of a hooked ABC does not inherit the structural check.
class MyIterable(Iterable):
    pass

class MySized(Sized):
    def __len__(self):
        return 3

print(issubclass(OnlyIter, MyIterable), issubclass(Full, MySized), len(MySized()))
print(issubclass(list, A.Sequence), issubclass(dict, A.Sequence), issubclass(str, A.MutableSequence))
print(list[int], A.Iterable[int], A.Mapping[str, int], A.Callable[[int], str] is not None)
import collections
print(collections.abc is A, isinstance(collections.ChainMap(), A.MutableMapping),
      isinstance(collections.deque(), A.MutableSequence), isinstance(collections.Counter(), A.Mapping))
try:
    collections.nonexistent
except AttributeError as e:
    print(e)
