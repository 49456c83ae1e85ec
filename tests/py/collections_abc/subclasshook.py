# __subclasshook__, register() and the ABC caches.
from collections.abc import (Hashable, Iterable, Iterator, Sized, Container, Callable,
                             Collection, Reversible, Awaitable, AsyncIterable, Sequence,
                             Mapping, MutableMapping, Set)
import abc


class OnlyLen:
    def __len__(self):
        return 3


class OnlyContains:
    def __contains__(self, x):
        return True


class Full(OnlyLen, OnlyContains):
    def __iter__(self):
        return iter([])


class Unhashable:
    __hash__ = None


class CallMe:
    def __call__(self):
        return 1


class Aw:
    def __await__(self):
        yield


class AIt:
    def __aiter__(self):
        return self


class Rev(Full):
    def __reversed__(self):
        return iter([])


for cls in (OnlyLen, OnlyContains, Full, Unhashable, CallMe, Aw, AIt, Rev, int, str):
    print(cls.__name__, [abc_.__name__ for abc_ in (Hashable, Iterable, Sized, Container,
                                                   Callable, Collection, Reversible,
                                                   Awaitable, AsyncIterable)
                         if issubclass(cls, abc_)])

# Sequence and Mapping are not structural: they need registration.
print(issubclass(Rev, Sequence), issubclass(Full, Mapping))
Sequence.register(Rev)
print(issubclass(Rev, Sequence), issubclass(Rev, Reversible), isinstance(Rev(), Sequence))


@Mapping.register
class Virtual:
    pass


print(Virtual.__name__, issubclass(Virtual, Mapping), issubclass(Virtual, MutableMapping),
      isinstance(Virtual(), Collection))


class MyABC(abc.ABC):
    @abc.abstractmethod
    def go(self):
        ...

    @classmethod
    def __subclasshook__(cls, C):
        if cls is MyABC:
            return hasattr(C, 'go')
        return NotImplemented


class Goer:
    def go(self):
        return 'went'


print(issubclass(Goer, MyABC), isinstance(Goer(), MyABC), issubclass(int, MyABC))
try:
    MyABC()
except TypeError as e:
    print(e)
try:
    Sized.register(3)
except TypeError as e:
    print(e)
print(type(Iterable).__name__, type(Iterable).__module__, Iterable.__abstractmethods__)
print(isinstance(iter(b''), Iterator), isinstance(iter(bytearray()), Iterator),
      isinstance(iter(''), Iterator), isinstance(iter(range(1 << 70)), Iterator),
      isinstance(zip(), Iterator), isinstance(reversed([]), Iterator))


class KV(Mapping):
    def __init__(self, **kw):
        self.d = kw

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


kv = KV(a=1, b=2)
print(list(kv.keys()), list(kv.items()), list(kv.values()), type(kv.keys()).__name__)
print(kv.keys() | {'c'} == {'a', 'b', 'c'}, ('a', 1) in kv.items(), 2 in kv.values(), kv == {'a': 1, 'b': 2})
print(kv != {'a': 1}, kv.get('q'), 'a' in kv, dict(kv), len(kv.keys()))
print(kv.__reversed__ is None, hasattr(kv, '__hash__'))


class FS(Set):
    def __init__(self, it=()):
        self.items = frozenset(it)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    __hash__ = Set._hash


print(hash(FS([1, 2])) == hash(FS([2, 1])), FS([1]) == FS([1]), FS([1]) != FS([2]))
