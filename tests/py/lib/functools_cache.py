# lru_cache and cache: eviction order, statistics, typed keys, keyword
# arguments, the decorator's accepted forms and their errors, exceptions,
# methods and cache_clear.
import functools
from functools import lru_cache, cache

calls = []


@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x


for v in (1, 2, 3, 1, 4, 2, 1, 3):
    sq(v)
print('computed:', calls)
print(sq.cache_info())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, type(info).__name__, tuple(info))
print(sq.cache_parameters())
sq.cache_clear()
print('cleared:', sq.cache_info())
calls.clear()
sq(1)
sq(1)
print('after clear recomputes once:', calls)


# Keyword order matters for the key; positional vs keyword are distinct.
@lru_cache(maxsize=None)
def kw(a, b=0):
    calls.append((a, b))
    return a + b


calls.clear()
kw(1, 2)
kw(1, b=2)
kw(a=1, b=2)
kw(b=2, a=1)
kw(1, 2)
print('keyword keys:', calls, kw.cache_info())


# typed=True separates equal values of different types.
@lru_cache(typed=True)
def typed(x, *, y=0):
    return (type(x).__name__, type(y).__name__)


print(typed(1), typed(1.0), typed(True), typed(1, y=1), typed(1, y=1.0), typed.cache_info().currsize)


@lru_cache()
def untyped(x):
    return type(x).__name__


print(untyped(1), untyped(1.0), untyped(True), untyped.cache_info().currsize)


# maxsize=0 never stores; negative sizes act like 0.
for size in (0, -5):
    @lru_cache(maxsize=size)
    def nothing(x):
        calls.append(x)
        return x
    calls.clear()
    nothing(1), nothing(1)
    print('maxsize', size, calls, nothing.cache_info())


# maxsize=1 keeps only the latest.
@lru_cache(maxsize=1)
def one(x):
    calls.append(x)
    return x


calls.clear()
for v in (1, 1, 2, 1, 1):
    one(v)
print('maxsize 1:', calls, one.cache_info())


# Plain @lru_cache and @cache.
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(100), fib.cache_info(), fib.cache_parameters())


@cache
def fact(n):
    """factorial"""
    return 1 if n < 2 else n * fact(n - 1)


print(fact(30), fact.cache_info(), fact.__name__, fact.__doc__, fact.__wrapped__(5))
print(fact.cache_parameters())

# Wrong decorator arguments.
for bad in ('big', 2.5):
    try:
        lru_cache(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    cache()
except TypeError as e:
    print('cache() TypeError')


# Unhashable arguments fail before the function runs.
@lru_cache
def takes(x):
    calls.append('ran')
    return x


calls.clear()
try:
    takes([1, 2])
except TypeError as e:
    print('TypeError:', e, calls)

# Exceptions are not cached.
attempts = []


@lru_cache
def flaky(x):
    attempts.append(x)
    if len(attempts) < 2:
        raise ValueError('first try fails')
    return 'ok'


for _ in range(3):
    try:
        print(flaky(1))
    except ValueError as e:
        print('ValueError:', e)
print('attempts:', attempts, flaky.cache_info())


# Caching on methods: self is part of the key.
class Box:
    def __init__(self, v):
        self.v = v

    @lru_cache(maxsize=8)
    def doubled(self):
        calls.append(self.v)
        return self.v * 2


calls.clear()
a, b = Box(1), Box(2)
print(a.doubled(), a.doubled(), b.doubled(), calls, Box.doubled.cache_info())


# None, tuples, strings and mixed keys.
@lru_cache(maxsize=None)
def ident(*args, **kwargs):
    calls.append(args)
    return len(args) + len(kwargs)


calls.clear()
for args in ((None,), ((1, 2),), ('s',), (1, 's'), (None,), ('s',), ((1, 2),)):
    ident(*args)
print('mixed:', calls, ident.cache_info())

# Recursion through the cache while it is filling.
@lru_cache(maxsize=2)
def walk(n):
    return 0 if n == 0 else 1 + walk(n - 1)


print(walk(50), walk.cache_info())
