# Decimal with the numeric tower and other modules: numbers ABCs,
# fractions.Fraction, math functions, statistics, int/float conversion
# and sorting.
import math
import numbers
import statistics
from fractions import Fraction
from decimal import Decimal as D

d = D('1.1')
print(isinstance(d, numbers.Number), isinstance(d, numbers.Real),
      isinstance(d, numbers.Rational), isinstance(d, numbers.Integral))
print(Fraction(d), Fraction(D('-0.125')), Fraction(D(3)), Fraction(D('1E+3')))
print(Fraction.from_decimal(D('2.5')), Fraction(*D('0.75').as_integer_ratio()))
print(Fraction(1, 3) < D('0.34'), D('0.5') == Fraction(1, 2),
      Fraction(3, 2) > D('1.4'))
try:
    Fraction(D('nan'))
except ValueError as e:
    print('ValueError', e)
try:
    Fraction(D('inf'))
except OverflowError as e:
    print('OverflowError', e)

print(math.floor(D('2.7')), math.ceil(D('2.1')), math.trunc(D('-2.7')),
      round(D('2.675'), 2), round(D('2.5')), type(round(D('2.5'))).__name__)
print(math.sqrt(D('2')), math.isclose(D('1.0'), 1.0), math.fabs(D('-1.5')),
      math.isfinite(D('1.5')), math.isnan(D('nan')), math.isinf(D('-inf')))
print(int(D('123.99')), float(D('0.1')), complex(D('1.5')),
      float(D('1E+400')), float(D('-1E-400')))
print(D('1.5').real, D('1.5').imag, D('1.5').conjugate())
print(D(7).as_integer_ratio(), D('-0.0625').as_integer_ratio())

data = [D('1.5'), D('2.5'), D('2.5'), D('4.0'), D('9.75')]
print(statistics.median(data), statistics.median_low(data),
      statistics.median_high(data), statistics.mode(data))
print(sum(data), max(data), min(data), sorted(data, reverse=True))
print(sum(data) / len(data))

for label, compute in [('Fraction + Decimal', lambda: Fraction(1, 2) + D(1)),
                       ('Decimal * Fraction', lambda: D(1) * Fraction(1, 2)),
                       ('Decimal / Fraction', lambda: D(1) / Fraction(1, 2))]:
    try:
        compute()
    except TypeError as e:
        print(label, 'TypeError', e)
