# comb() and perm() with arguments beyond 64 bits, and math's rounding
# functions looking up __floor__/__ceil__/__trunc__ like special methods.
import math

n = 2 ** 100
print(math.comb(n, 0), math.comb(n, 1) == n, math.comb(n, 3) == n * (n - 1) * (n - 2) // 6)
print(math.comb(n, n - 2) == n * (n - 1) // 2, math.comb(n, n))
print(math.comb(5, 2 ** 80), math.perm(7, 2 ** 90), math.comb(3, 4))
print(math.perm(n, 0), math.perm(n, 2) == n * (n - 1), math.perm(n, 1) == n)
print(math.comb(10 ** 20, 4))
print(math.perm(10 ** 19, 3))
for f, args in [(math.comb, (n, n // 2)), (math.perm, (n, n)), (math.perm, (n,))]:
    try:
        f(*args)
    except OverflowError as e:
        print('OverflowError', e)
for f, args in [(math.comb, (-n, 1)), (math.perm, (1, -n))]:
    try:
        f(*args)
    except ValueError as e:
        print('ValueError', e)


class Raising:
    def __get__(self, obj, owner=None):
        raise LookupError('from __get__')


class Static:
    __floor__ = staticmethod(lambda: 'static floor')
    __ceil__ = Raising()
    __trunc__ = Raising()


print(math.floor(Static()))
for f in (math.ceil, math.trunc):
    try:
        f(Static())
    except LookupError as e:
        print(f.__name__, 'LookupError', e)


class Half:
    def __float__(self):
        return 2.5

print(math.floor(Half()), math.ceil(Half()))
try:
    math.trunc(Half())
except TypeError as e:
    print('TypeError', e)
