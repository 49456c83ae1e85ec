# Arithmetic, mixed types, rounding and comparisons.
from fractions import Fraction as F
import math

a, b = F(1, 3), F(-5, 4)
for x, y in [(a, b), (a, 2), (2, a), (b, 0.5), (0.5, b), (a, True)]:
    print(repr(x), repr(y))
    print('  +', repr(x + y), ' -', repr(x - y), ' *', repr(x * y), ' /', repr(x / y))
    print('  //', repr(x // y), ' %', repr(x % y), ' divmod', repr(divmod(x, y)))
print(a + 1j, 1j + a, a * (2 + 1j), (2 - 1j) / F(1, 2), a == complex(1, 0))
print(F(1, 2) == complex(0.5, 0), F(1, 2) == 0.5j)

for base in [F(2, 3), F(-2, 3), F(0), F(4, 9), F(-1)]:
    for exp in [0, 1, 2, 3, -1, -2, F(2), F(-3), F(1, 2), 0.5, 2.0]:
        if base < 0 and exp in (F(1, 2), 0.5):
            # gilpy's float ** float does not yet give complex results.
            continue
        try:
            r = base ** exp
        except (ZeroDivisionError, ValueError) as e:
            r = '%s: %s' % (type(e).__name__, e)
        print(repr(base), repr(exp), repr(r))
print(2 ** F(3), 2 ** F(-3), repr(F(1, 2) ** F(-1)), 4 ** F(1, 2), 2.0 ** F(2))
print(F(4) ** F(1, 2), (-8) ** F(1, 3) if False else 'skip', F(9, 4) ** 0.5)
print((1 + 1j) * F(3, 2), F(1, 2) ** (1 + 0j))

vals = [F(7, 2), F(-7, 2), F(5, 2), F(-5, 2), F(1, 3), F(-1, 3), F(10), F(-10), F(0),
        F(25, 10), F(15, 10), F(2, 3), F(-2, 3)]
for v in vals:
    print(repr(v), math.floor(v), math.ceil(v), math.trunc(v), int(v), round(v),
          float(v), bool(v), abs(v), -v, +v)
for v in [F(12345, 1000), F(-12345, 1000), F(5, 1000), F(15, 1000), F(25, 1000)]:
    print(repr(v), [repr(round(v, n)) for n in (-2, -1, 0, 1, 2, 3)])
print(type(round(F(1, 2))), type(round(F(1, 2), 0)), type(math.floor(F(1, 2))))

# Orderings, including against floats, ints, nan and infinities.
nan, inf = float('nan'), float('inf')
for x in [F(1, 3), F(-1, 3), F(0)]:
    for y in [0.3333, 1 / 3, 0, 1, F(1, 3), -inf, inf, nan]:
        print(repr(x), y, x < y, x <= y, x > y, x >= y, x == y, x != y,
              y < x, y == x)
print(F(1, 3) == 1 / 3, F(1, 2) == 0.5, F(3) == 3, 3 == F(3), F(3) == '3')
print(F(1, 10) < 0.1, F(1, 10) > 0.1, F(10 ** 400, 3) > 1e300)
print(sum([F(1, n) for n in range(1, 11)]))
print(sum([F(1, 3)] * 3) == 1, F(1, 3) * 3 == 1)
# Huge values still convert and compare exactly.
big = F(10 ** 50 + 1, 10 ** 50)
print(big > 1, float(big), big - 1, repr(big * big))
print(float(F(1, 3)), float(F(-2 ** 70, 3)), float(F(1, 10 ** 400)))
