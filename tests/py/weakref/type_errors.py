# Which objects can be weakly referenced, and the exact errors for the rest.
import weakref
import sys


def try_ref(x):
    try:
        weakref.ref(x)
        return 'ok ' + type(x).__name__
    except TypeError as e:
        return 'TypeError: %s' % e


def gen():
    yield 1

async def coro():
    pass

class Plain:
    def method(self):
        pass

values = [1, 10**30, 's', b'b', (), (1,), [], {}, None, True, 1.5, 1j, object(),
          range(3), slice(1), bytearray(), Exception(), ValueError('x'), property(),
          iter([]), str.join, Plain.__init__, len, [].append, Plain, int, Plain(),
          Plain().method, set(), frozenset(), gen(), sys, try_ref]
for v in values:
    print(try_ref(v))
c = coro()
print(try_ref(c))
c.close()

for base in (int, str, tuple, bytes, list, dict, float, set, frozenset, object, Exception,
             bytearray):
    sub = type('Sub_' + base.__name__, (base,), {})
    print(base.__name__, try_ref(sub()))


class NoWeak:
    __slots__ = ('a',)


class WithWeak:
    __slots__ = ('a', '__weakref__')


class Child(NoWeak):
    pass


class SlottedChild(NoWeak):
    __slots__ = ('b',)


print(try_ref(NoWeak()), try_ref(WithWeak()), try_ref(Child()), try_ref(SlottedChild()))
try:
    class Twice(WithWeak):
        __slots__ = ('__weakref__',)
except TypeError as e:
    print('TypeError:', e)
try:
    class DoubleListed:
        __slots__ = ('__weakref__', '__weakref__')
except TypeError as e:
    print('TypeError:', e)
try:
    weakref.proxy(1)
except TypeError as e:
    print('TypeError:', e)
