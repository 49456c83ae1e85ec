# reprlib: size limits per container kind, depth limits, strings, long ints,
# other objects, subclass hooks and recursive_repr.
import reprlib
from collections import deque
from reprlib import Repr, recursive_repr

r = reprlib.repr
print(r(list(range(20))), r(tuple(range(3))), r((1,)), r(()), r([]))
print(r(set(range(10))), r(frozenset(range(10))), r(set()), r(frozenset()))
print(r({i: str(i) for i in range(10)}), r({}), r({'b': 1, 'a': 2}))
print(r('x' * 100), r('short'), r('q' * 30), r('q' * 31), r("it's" * 20))
print(r(2 ** 200), r(12345), r(-(10 ** 50)))
print(r(deque(range(10))), r(deque()))
print(r([[[[[[[[1]]]]]]]]), r([[[[[[[[]]]]]]]]), r({1: {2: {3: {4: {5: {6: {7: 1}}}}}}}))
print(r({3, 'a', 1}) in ("{1, 3, 'a'}", "{3, 1, 'a'}", "{'a', 1, 3}", "{3, 'a', 1}", "{1, 'a', 3}", "{'a', 3, 1}"))
print(r(1.5), r(None), r(True), r(b'bytes' * 20))


class Long:
    def __repr__(self):
        return 'L' * 50


class Broken:
    def __repr__(self):
        raise RuntimeError('no')


print(r(Long()), r(Broken()).startswith('<Broken instance at 0x'))

custom = Repr()
custom.maxlist = 2
custom.maxlevel = 2
custom.maxstring = 10
custom.maxother = 8
custom.maxlong = 6
custom.fillvalue = '<more>'
print(custom.repr([1, 2, 3]), custom.repr([[1, [2, [3]]]]), custom.repr('abcdefghijklmnop'))
print(custom.repr(1234567890), custom.repr(Long()), custom.repr({'k': [1, 2, 3]}))
print(custom.maxdict, custom.maxtuple, custom.maxset, custom.maxfrozenset, custom.maxdeque, custom.maxarray)
zero = Repr()
zero.maxlevel = 0
print(zero.repr([1]), zero.repr([]), zero.repr({1: 2}), zero.repr((1,)), zero.repr('s'))
print(Repr().repr1([1, [2]], 1), reprlib.aRepr.maxlist)


class Mine(Repr):
    def repr_Point(self, obj, level):
        return 'Point(%s)' % self.repr1(obj.xs, level - 1)

class Point:
    def __init__(self, xs):
        self.xs = xs

print(Mine().repr([Point(list(range(10)))]))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @recursive_repr()
    def __repr__(self):
        return 'Node(%s, %r)' % (self.name, self.children)

    @recursive_repr('<loop>')
    def show(self):
        return '%s -> %s' % (self.name, [c.show() for c in self.children])


a = Node('a')
b = Node('b')
a.children.append(b)
b.children.append(a)
a.children.append(a)
print(repr(a), a.show())
print(Node.__repr__.__name__, Node.__repr__.__qualname__, Node.show.__doc__)
