import functools
from functools import partial, reduce, wraps, lru_cache, cache, cmp_to_key, total_ordering, cached_property, singledispatch, update_wrapper
def f(a, b, c=3, *, d=4):
    "doc of f"
    return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, 7), p.func is f, p.args, p.keywords)
print(repr(p).replace(hex(id(f)), 'ADDR'))
print(repr(partial(len)).startswith('functools.partial(<built-in function len>'))
pp = partial(p, 9); print(pp.args, pp.func is f, pp())
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1), reduce(max, [3, 9, 2]))
try: reduce(lambda a, b: a, [])
except TypeError as e: print(e)
try: reduce(lambda a, b: a, 5)
except TypeError as e: print(e)
def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
g = deco(f); print(g.__name__, g.__doc__, g.__wrapped__ is f, g(1, 2))
@lru_cache(maxsize=2)
def sq(x):
    print('compute', x); return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2))
print(sq.cache_info())
sq.cache_clear(); print(sq.cache_info())
@lru_cache
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info(), fib.cache_parameters())
@cache
def fact(n): return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info().hits, fact.cache_info().misses)
@lru_cache(typed=True)
def t(x): return type(x).__name__
print(t(1), t(1.0), t.cache_info().currsize)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) > V(2))
try:
    @total_ordering
    class W: pass
except ValueError as e: print(e)
class C:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1; print('computing'); return 42
c = C(); print(c.val, c.val, c.n, 'val' in c.__dict__)
@singledispatch
def show(x): return 'obj ' + repr(x)
@show.register(int)
def _(x): return 'int %d' % x
@show.register(list)
def _(x: list): return 'list of %d' % len(x)
print(show(1), show([1, 2]), show('s'), show(True))
print(show.dispatch(float).__name__, int in show.registry)
class Cell:
    def m(self, a, b): return a + b
    pm = functools.partialmethod(m, 10)
print(Cell().pm(5))
print(functools.WRAPPER_ASSIGNMENTS)
