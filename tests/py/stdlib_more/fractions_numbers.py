# numbers ABCs with the builtin registrations, and fractions.Fraction:
# construction, parsing, arithmetic, mixed types, comparisons, hashing.
import math
import numbers
from fractions import Fraction as F

for v in (1, True, 1.5, 2j, F(1, 3), "x"):
    print(type(v).__name__, [isinstance(v, c) for c in
                             (numbers.Number, numbers.Complex, numbers.Real,
                              numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational))

print(F(3, 4), F(6, -8), F(5), F(), F("3/4"), F(" -1.5e2 "), F("1_000.25"), F(".5"), F("7e-3"))
print(F(0.1), F(2.5), F(F(1, 3)), F(F(1, 2), F(1, 3)), F(3, 1), repr(F(-2, 4)))
print(F(1, 3).numerator, F(1, 3).denominator, F(10, 4).as_integer_ratio())
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, +a, abs(-a))
print(a + 1, 1 + a, a - 1, 1 - a, 2 * a, a * 2, a / 2, 2 / a, a ** 2, a ** -2, 2 ** F(2),
      F(-2, 3) ** -3, F(4) ** F(1, 2), a ** 0.5)
print(a + 0.5, 0.5 + a, a * 1j, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, a < b, a > 0.3, a >= F(1, 3))
print(F(1, 2) == 1, F(2, 1) == 2, F(1, 2) < 1, 1 < F(3, 2), F(1, 2) != 0.5, F(0) == 0.0)
print(int(F(7, 2)), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)))
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1234, 100), 1), round(F(1234, 1), -2))
print(float(F(1, 3)), bool(F(0)), bool(F(1, 9)))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(-1)), hash(F(1, 3)) == hash(F(2, 6)))
print({F(1, 2): "half"}[0.5], sorted([F(1, 2), 0.25, 1, F(1, 3)]), sum([F(1, 3)] * 3))
print(F(math.pi).limit_denominator(), F(math.pi).limit_denominator(100), F(1, 3).limit_denominator(10))
print(F.from_float(0.375), F.from_float(3), F(3, 7).limit_denominator(5))
for bad in [lambda: F(1, 0), lambda: F("1/0"), lambda: F("abc"), lambda: F(1.5, 2),
            lambda: F([1]), lambda: F(float("nan")), lambda: F(float("inf")),
            lambda: F(1, 2) / 0, lambda: F(0) ** -1, lambda: F.from_float("x"),
            lambda: F(1).limit_denominator(0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__ + ":", e)
