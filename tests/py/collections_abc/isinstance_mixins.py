# collections.abc: structural checks, builtin registrations and mixin methods.
import collections.abc
from collections.abc import *
import collections.abc as cabc
names = ["Hashable", "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Iterable", "Iterator", "Reversible", "Generator", "Sized", "Container", "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString"]
def gen():
    yield 1
async def co(): pass
async def ag(): yield 1
c = co()
samples = [1, 1.5, 'ab', b'ab', bytearray(b'x'), [1], (1,), {1: 2}, {1}, frozenset(), range(3), iter([]), gen(), c, ag(), len, {}.keys(), {}.items(), {}.values(), memoryview(b'a'), None, type, object()]
for s in samples:
    print(type(s).__name__, [n for n in names if isinstance(s, getattr(cabc, n))])
c.close()
for n in names:
    cls = getattr(cabc, n)
    print(n, repr(cls), sorted(cls.__abstractmethods__))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), Iterable), isinstance(It(), Iterator), issubclass(It, Sized))
class NoIt(It):
    __iter__ = None
print(isinstance(NoIt(), Iterable))
class MM(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MM()
m['a'] = 1
m.update({'b': 2}, c=3)
print(m.get('a'), m.get('z', 9), m.setdefault('d', 4), m.pop('a'), m.pop('zz', None))
print(list(m.keys()), list(m.items()), list(m.values()), 'b' in m, m == {'b': 2, 'c': 3, 'd': 4})
print(m.popitem(), len(m), m.keys() & {'c', 'x'}, repr(m.keys())[:9])
m.clear(); print(len(m))
try:
    m.pop('q')
except KeyError as e:
    print('KeyError', e)
try:
    MutableMapping()
except TypeError as e:
    print(e)
class Partial(Mapping):
    def __getitem__(self, k): pass
try:
    Partial()
except TypeError as e:
    print(e)
class Seq(Sequence):
    def __init__(self, *a): self.a = a
    def __getitem__(self, i): return self.a[i]
    def __len__(self): return len(self.a)
s = Seq(1, 2, 3, 2)
print(list(s), 2 in s, s.index(2), s.count(2), list(reversed(s)), s.index(2, 2))
try: s.index(9)
except ValueError as e: print('ValueError', repr(e))
class MS(MutableSequence):
    def __init__(self): self.l = []
    def __getitem__(self, i): return self.l[i]
    def __setitem__(self, i, v): self.l[i] = v
    def __delitem__(self, i): del self.l[i]
    def __len__(self): return len(self.l)
    def insert(self, i, v): self.l.insert(i, v)
x = MS(); x.append(1); x.extend([2, 3]); x += [4]; x.reverse(); print(x.l, x.pop(), x.l); x.remove(3); print(x.l)
class S(Set):
    def __init__(self, it=()): self.s = list(dict.fromkeys(it))
    def __contains__(self, v): return v in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
a, b = S([1, 2, 3]), S([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= b, S([2]) < a, a == S([3, 2, 1]), a.isdisjoint([9]))
class MSet(MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, v): return v in self.s
    def __iter__(self): return iter(sorted(self.s))
    def __len__(self): return len(self.s)
    def add(self, v): self.s.add(v)
    def discard(self, v): self.s.discard(v)
ms = MSet([1, 2]); ms |= {5}; ms -= {1}; print(sorted(ms), ms.pop(), sorted(ms))
print(issubclass(list, MutableSequence), issubclass(tuple, MutableSequence), issubclass(dict, Mapping), issubclass(str, Sequence), issubclass(bytes, ByteString))
class R: pass
Sized.register(R)
print(isinstance(R(), Sized), issubclass(R, Collection))
print(Iterable[int], Callable[[int], str] if False else '', Mapping[str, int])
import typing
print(typing.Iterable is not None, isinstance([], typing.Iterable), typing.Mapping[str, int], issubclass(dict, typing.MutableMapping))
print(collections.abc.__name__, Iterable.__module__, Iterable.__qualname__)
print(isinstance(m.keys(), KeysView), isinstance({}.keys(), Set), isinstance({}.values(), Collection))
