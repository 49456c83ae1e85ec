# Construction, parsing, repr/str, properties and limit_denominator.
from fractions import Fraction
import math

print(Fraction(), Fraction(7), Fraction(-6, 4), Fraction(6, -4), Fraction(0, -5))
print(repr(Fraction(3, 9)), repr(Fraction(-10, 5)))
print(Fraction(Fraction(1, 2), Fraction(1, 3)))
print(Fraction(Fraction(3, 4)), Fraction(True), Fraction(True, 2))
print(Fraction(2.5), Fraction(-0.1), Fraction(1e-3), Fraction(0.0), Fraction(-0.0))
print(Fraction(2 ** 70, 6), Fraction(10 ** 30 + 1, 10 ** 30))
for text in ['3', '-3', '+3', ' 3/4 ', '-10/15', '1.5', '-.5', '5.', '1e3',
             '1E-3', '-2.5e+2', '1_000', '1_000/3_000', '.1_2', '1.5e1_0',
             '\t7/8\n', '0/5', '00012', '1.0000', '3.14159']:
    f = Fraction(text)
    print(repr(text), '->', repr(f), str(f))

f = Fraction(-22, 6)
print(f.numerator, f.denominator, f.as_integer_ratio(), f.real, f.imag,
      f.conjugate())
print(Fraction.from_float(0.75), Fraction.from_float(5), Fraction.from_float(-1e20))
print(Fraction.from_decimal(4))

pi = Fraction('3.141592653589793')
for limit in [1, 2, 7, 10, 100, 113, 1000, 10 ** 6]:
    print(limit, pi.limit_denominator(limit))
print(Fraction(1.1).limit_denominator(), Fraction(-1.1).limit_denominator(100))
print(Fraction(1, 3).limit_denominator(3), Fraction(5, 2).limit_denominator(1))
# Ties between the two candidate approximations.
for num, den in [(3, 8), (5, 8), (1, 4), (3, 4), (7, 16), (-3, 8), (1, 6), (5, 12)]:
    for limit in range(1, 6):
        print(num, den, limit, Fraction(num, den).limit_denominator(limit))
print(Fraction(0.1).limit_denominator(10 ** 9))

# Hashes agree with int and float.
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(5)) == hash(5))
print(hash(Fraction(-1)) == hash(-1), hash(Fraction(-1)))
print(hash(Fraction(3, 1024)) == hash(3 / 1024), hash(Fraction(10 ** 40)) == hash(10 ** 40))
print(hash(Fraction(1, 3)), hash(Fraction(-1, 3)), hash(Fraction(1, 2 ** 61 - 1)))
print(hash(Fraction(2 ** 62, 2 ** 61 - 1)), hash(Fraction(7, 3 * (2 ** 61 - 1))))
print(len({Fraction(1, 2), 0.5, Fraction(2, 4), 1, Fraction(1), 1.0}))
print({Fraction(1, 4): 'quarter'}[0.25])

# Subclasses keep their name in repr; arithmetic gives plain Fractions.
class Half(Fraction):
    pass

h = Half(1, 2)
print(repr(h), type(h + 1).__name__, type(-h).__name__, isinstance(h, Fraction))

import copy
print(copy.copy(Fraction(1, 3)), copy.deepcopy([Fraction(2, 3)]))
print(sorted([Fraction(1, 3), 0.25, 1, Fraction(-1, 2), -0.75]))
print(max(Fraction(7, 3), 2), min(Fraction(7, 3), 2.5))
import numbers
print(isinstance(Fraction(1), numbers.Rational), isinstance(Fraction(1), numbers.Integral))
print(Fraction(1, 3) == Fraction(2, 6), Fraction(1, 3) != Fraction(1, 4))
