# partial, partialmethod, update_wrapper and wraps: argument merging, reprs,
# flattening of nested partials, descriptor behaviour and error messages.
import functools
from functools import partial, partialmethod, update_wrapper, wraps


def show(*args, **kwargs):
    return args, dict(sorted(kwargs.items()))


p = partial(show, 1, 2, a='x')
print(p(), p(3, b='y'), p(a='override'))
print(p.func is show, p.args, p.keywords)
print(repr(p).replace(hex(id(show)), 'ADDR').split(' at ')[0])
print(repr(partial(max, 1, key=abs, default=0)))
print(repr(partial(max)))

# A partial of a partial is flattened: one func, concatenated arguments.
q = partial(p, 3, a='q', c='z')
print(q.func is show, q.args, sorted(q.keywords.items()), q(4))


# ...unless the inner one is a subclass instance.
class MyPartial(partial):
    pass


m = MyPartial(show, 1)
print(type(m).__name__, repr(m).startswith('MyPartial(<function show'))
n = partial(m, 2)
print('subclass flattened:', n.func is show, n.args)
print('subclass call:', m(5, k=1))

# Keywords given at call time win; the stored ones are not modified.
kw = partial(show, a=1)
print(kw(a=2), kw.keywords)
stored = {'z': 1}
pz = partial(show, **stored)
stored['z'] = 99
print('keywords copied:', pz())

for bad in (None, 42, 'text'):
    try:
        partial(bad)
    except TypeError as e:
        print('TypeError:', e)


# A partial stored on a class is not turned into a bound method.
class Host:
    method = partial(show, 'bound?')


print(Host().method(1))
print(partial(int, base=2)('1011'), list(map(partial(pow, 2), range(5))))

# partial objects are usable as dict keys / in sets by identity.
s = {p, q}
print(len(s), p in s)


# partialmethod binds like the wrapped method would.
class Cell:
    def __init__(self, v):
        self.v = v

    def combine(self, a, b=0, *, scale=1):
        return (self.v + a + b) * scale

    add_ten = partialmethod(combine, 10)
    tripled = partialmethod(combine, scale=3)
    twice = partialmethod(add_ten, b=5)

    @classmethod
    def make(cls, v, extra=0):
        return cls(v + extra)

    make_big = partialmethod(make, 100)

    @staticmethod
    def stat(a, b):
        return a * b

    stat2 = partialmethod(stat, 2)


c = Cell(1)
print(c.add_ten(), c.add_ten(2), c.tripled(1, 1), c.twice())
print(Cell.make_big(extra=1).v, c.make_big().v, c.stat2(21))
print(Cell.add_ten(Cell(5)), Cell.__dict__['twice'].args, Cell.__dict__['twice'].keywords)
print(repr(partialmethod(show, 1, k=2)).replace(hex(id(show)), 'ADDR').split(' at ')[0])
print(repr(Cell.__dict__['add_ten']).split(' at ')[0])
try:
    partialmethod(5)
except TypeError as e:
    print('TypeError:', e)


# update_wrapper / wraps
def original(a, b: int = 2) -> str:
    """original doc"""
    return str(a + b)


original.custom = 'attr'


def wrapper(*args, **kwargs):
    return original(*args, **kwargs)


res = update_wrapper(wrapper, original)
print(res is wrapper, wrapper.__name__, wrapper.__qualname__, wrapper.__doc__,
      wrapper.__module__, wrapper.__annotations__, wrapper.custom, wrapper.__wrapped__ is original)


class NoAttrs:
    def __call__(self):
        return 'called'


def plain():
    """plain doc"""


update_wrapper(plain, NoAttrs())
print('missing attributes skipped:', plain.__name__, plain.__doc__)


def w2():
    pass


update_wrapper(w2, original, assigned=('__doc__',), updated=())
print('custom assigned:', w2.__name__, w2.__doc__, hasattr(w2, 'custom'))


# __wrapped__ is set after __dict__ is merged, so it points one level down.
def layer1():
    pass


layer1.__wrapped__ = 'stale'


def layer2():
    pass


update_wrapper(layer2, layer1)
print('__wrapped__ is the direct target:', layer2.__wrapped__ is layer1)


def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return 'wrapped ' + fn(*a, **k)
    return inner


@deco
@deco
def hello(name):
    """say hello"""
    return 'hello ' + name


print(hello('bob'), hello.__name__, hello.__doc__, hello.__wrapped__.__wrapped__.__name__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
w = wraps(original)
print(type(w).__name__, w.func is update_wrapper, sorted(w.keywords))
