# collections.abc's mixin methods: what a subclass gets once it defines the
# abstract ones, and the errors for missing pieces.
from collections.abc import (Set, MutableSet, Mapping, MutableMapping, Sequence,
                             MutableSequence, Iterator, Generator, Sized,
                             KeysView, ItemsView, ValuesView, Hashable)


def show(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)


# Abstract classes refuse instantiation.
for cls in (Sized, Sequence, MutableMapping, MutableSet, Iterator, Generator):
    show(cls)


class Seq(Sequence):
    def __init__(self, *items):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)


s = Seq(3, 1, 4, 1, 5)
print(list(s), 4 in s, 9 in s, list(reversed(s)), s.index(1), s.index(1, 2), s.count(1))
show(lambda: s.index(9))
show(lambda: s.index(3, 1))
print(s.index(5, -1), s.index(4, -3, -1))
show(lambda: s.index(5, 0, -1))
show(lambda: hash(s) != 0)


class MSeq(MutableSequence):
    def __init__(self, *items):
        self._items = list(items)

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def insert(self, i, v):
        self._items.insert(i, v)

    def __repr__(self):
        return "MSeq%r" % (self._items,)


m = MSeq(1, 2)
m.append(3)
m.extend([4, 5])
m.extend(m)
print(m)
m.reverse()
print(m, m.pop(), m.pop(0), m)
m.remove(3)
print(m)
show(lambda: m.remove(99))
m += (7, 8)
print(m)
m.clear()
print(m, len(m))
show(lambda: m.pop())


class MyMap(Mapping):
    def __init__(self, **kw):
        self._d = dict(kw)

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


mm = MyMap(a=1, b=2)
print(mm["a"], mm.get("z"), mm.get("z", 9), "a" in mm, "z" in mm, len(mm))
print(type(mm.keys()).__name__, type(mm.items()).__name__, type(mm.values()).__name__)
print(list(mm.keys()), list(mm.items()), list(mm.values()), ("a", 1) in mm.items(),
      ("a", 2) in mm.items(), 2 in mm.values(), "b" in mm.keys())
print(mm == {"a": 1, "b": 2}, mm == MyMap(a=1), mm != {"a": 1}, mm == [1])
print(mm.keys() & {"a", "q"}, mm.keys() | {"q"} == {"a", "b", "q"}, mm.keys() - {"a"},
      mm.items() - {("a", 1)}, isinstance(mm.keys(), KeysView), len(mm.values()))
show(lambda: reversed(mm))
show(lambda: hash(mm))


class MyMut(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


mu = MyMut()
mu.update({"a": 1}, b=2)
mu.update([("c", 3)])
mu.update(MyMap(d=4))
print(dict(mu), mu.setdefault("a", 100), mu.setdefault("e"), mu.pop("b"), mu.pop("zz", "dflt"))
show(lambda: mu.pop("zz"))
print(mu.popitem(), dict(mu))
mu.clear()
show(lambda: mu.popitem())
print(len(mu))


class S(Set):
    def __init__(self, items=()):
        self._items = []
        for x in items:
            if x not in self._items:
                self._items.append(x)

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return "S(%r)" % sorted(self._items)


a, b = S([1, 2, 3]), S([3, 4])
print(a & b, a | b, a - b, b - a, a ^ b, a <= b, S([3]) < a, a >= S([1]), a > a, a == S([3, 2, 1]))
print(a & [1, 9], [1, 9] & a if False else None, a.isdisjoint([7]), a.isdisjoint(b))
print({1, 2} - a if False else None, a == {1, 2, 3}, a <= {1, 2, 3, 4})
show(lambda: a & 5)
show(lambda: a < 5)


class HS(S):
    __hash__ = Set._hash


print(hash(HS([1, 2])) == hash(HS([2, 1])), isinstance(HS(), Hashable), isinstance(S(), Hashable))


class MS(S, MutableSet):
    def add(self, x):
        if x not in self._items:
            self._items.append(x)

    def discard(self, x):
        if x in self._items:
            self._items.remove(x)


ms = MS([1, 2])
ms.add(3)
ms.remove(1)
show(lambda: ms.remove(1))
print(ms)
ms |= [5, 6]
print(ms)
ms &= [2, 5, 9]
print(ms)
ms ^= [5, 7]
print(ms)
ms -= [7]
print(ms, ms.pop() in (2,), ms)
ms.clear()
show(lambda: ms.pop())


class Count(Iterator):
    def __init__(self):
        self.n = 0

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


it = Count()
print(iter(it) is it, list(it))


class G(Generator):
    def __init__(self):
        self.sent = []

    def send(self, value):
        self.sent.append(value)
        if len(self.sent) > 2:
            raise StopIteration
        return len(self.sent)

    def throw(self, typ, val=None, tb=None):
        raise typ


g = G()
print(next(g), g.send("x"), g.sent)
print(g.close())
show(lambda: g.throw(ValueError))


class Stubborn(Generator):
    def send(self, value):
        return 1

    def throw(self, typ, val=None, tb=None):
        return 2


show(lambda: Stubborn().close())
print(KeysView({"a": 1}), ItemsView({"a": 1}), ValuesView({"a": 1}))
print(sorted(KeysView({"a": 1, "b": 2}) ^ {"b", "c"}))
