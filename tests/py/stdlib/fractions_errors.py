# Error messages of Fraction construction and arithmetic.
from fractions import Fraction
import math

def attempt(label, fn):
    try:
        print(label, '->', repr(fn()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

for text in ['', ' ', 'abc', '1/', '/2', '1 / 2', '1/2/3', '1.5/2', '1/-2', '1/+2',
             '.', 'e5', '1e', '1e+', '1..2', '1__0', '_1', '1_', '1_/2', '+-1',
             '--1', '1/0', '0/0', '1.5e1.5', 'inf', 'nan', '0x10', '1j',
             '3/4e2', '1 2', '1e5_']:
    attempt(repr(text), lambda: Fraction(text))
attempt('1, 0', lambda: Fraction(1, 0))
attempt('-7, 0', lambda: Fraction(-7, 0))
attempt('F, 0', lambda: Fraction(Fraction(1, 2), 0))
attempt('1.5, 2', lambda: Fraction(1.5, 2))
attempt('"1", 2', lambda: Fraction('1', 2))
attempt('[]', lambda: Fraction([]))
attempt('None', lambda: Fraction(None))
attempt('1j', lambda: Fraction(1j))
attempt('nan', lambda: Fraction(float('nan')))
attempt('inf', lambda: Fraction(float('inf')))
attempt('-inf', lambda: Fraction(float('-inf')))
attempt('from_float str', lambda: Fraction.from_float('1.5'))
attempt('from_float F', lambda: Fraction.from_float(Fraction(1, 2)))
attempt('from_float nan', lambda: Fraction.from_float(float('nan')))
attempt('from_decimal float', lambda: Fraction.from_decimal(1.5))
attempt('limit 0', lambda: Fraction(1, 3).limit_denominator(0))
attempt('limit -5', lambda: Fraction(1, 3).limit_denominator(-5))
attempt('div zero', lambda: Fraction(1, 2) / 0)
attempt('div zero F', lambda: Fraction(1, 2) / Fraction(0))
attempt('rdiv zero', lambda: 3 / Fraction(0))
attempt('floordiv zero', lambda: Fraction(1, 2) // 0)
attempt('mod zero', lambda: Fraction(1, 2) % 0)
attempt('divmod zero', lambda: divmod(Fraction(1, 2), 0))
attempt('pow zero', lambda: Fraction(0) ** -1)
attempt('pow zero -3', lambda: Fraction(0) ** -3)
attempt('float div zero', lambda: Fraction(1, 2) / 0.0)
attempt('add str', lambda: Fraction(1, 2) + '1')
attempt('radd str', lambda: '1' + Fraction(1, 2))
attempt('lt str', lambda: Fraction(1, 2) < '1')
attempt('lt complex', lambda: Fraction(1, 2) < 1j)
attempt('floordiv complex', lambda: Fraction(1, 2) // 1j)
attempt('mul list', lambda: Fraction(2) * [1])
attempt('hash list', lambda: {Fraction(1): 1, 1.0: 2})
attempt('round str', lambda: round(Fraction(1, 2), 'x'))
attempt('setattr', lambda: setattr(Fraction(1), 'numerator', 3))
