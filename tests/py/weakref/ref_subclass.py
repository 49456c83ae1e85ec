# Subclasses of weakref.ref: extra attributes, __slots__, custom __init__.
import weakref


class Node:
    pass


class Tagged(weakref.ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag

    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)


class Slim(weakref.ref):
    __slots__ = ('key',)


n = Node()
t = Tagged(n, tag='first')
print(t() is n, t.tag, isinstance(t, weakref.ref), type(t).__name__)
# Subclass instances are never the shared plain reference.
plain = weakref.ref(n)
print(t is not plain, Tagged(n) is not t, weakref.getweakrefcount(n))
s = Slim(n)
s.key = 42
print(s.key, s() is n)
try:
    s.other = 1
except AttributeError as e:
    print('AttributeError')
# Subclasses without __slots__ can themselves be weakly referenced.
meta = weakref.ref(t)
print(meta() is t)
try:
    weakref.ref(plain)
except TypeError as e:
    print('TypeError:', e)

events = []
class Logged(weakref.ref):
    pass
lr = Logged(n, lambda ref: events.append(('died', type(ref).__name__, ref())))
del n
print(events, t(), s(), lr())
print(t.tag, s.key)
