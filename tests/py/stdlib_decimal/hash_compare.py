# Hashes agree with int, float and Fraction for equal values, so Decimals
# mix in sets and dict keys; comparisons with int, float and Fraction are
# exact; sorting and min/max over mixed numbers.
from fractions import Fraction
from decimal import Decimal as D, getcontext, FloatOperation

for value, twin in [(D('1.5'), 1.5), (D('1.50'), 1.5), (D(7), 7),
                    (D('7.000'), 7), (D('-1'), -1), (D('0.25'), 0.25),
                    (D('-0'), 0), (D('1E+30'), 10 ** 30),
                    (D('123456789012345678901234567890'),
                     123456789012345678901234567890),
                    (D('0.125'), Fraction(1, 8)), (D('-2.5'), Fraction(-5, 2)),
                    (D('1E-30'), Fraction(1, 10 ** 30)),
                    (D('inf'), float('inf')), (D('-inf'), float('-inf'))]:
    print(repr(value), value == twin, hash(value) == hash(twin))
print(hash(D('0.1')) == hash(0.1), D('0.1') == 0.1,
      D(0.1) == 0.1, hash(D(0.1)) == hash(0.1))
print(hash(D(-1)), hash(D(-2)), hash(D(0)), hash(D('1E-1')) == hash(D('0.1')))
try:
    hash(D('sNaN'))
except TypeError as e:
    print('TypeError', e)
nan = D('NaN')
print(hash(nan) == hash(nan), nan == nan, nan != nan)

print(len({D('1'), D('1.0'), 1, 1.0, Fraction(1), D('1.00')}))
table = {D('2.5'): 'a', 3: 'b'}
print(table[2.5], table[D('3.0')], D('2.50') in table)

getcontext().clear_flags()
print(D(1) < 2, D('1.5') > 1, D('-0') == 0, D('0.1') < 0.1, D(1) <= 1.0,
      D('2.5') >= Fraction(5, 2), D('1E+100') > 10 ** 99,
      D('-inf') < -10 ** 1000, D('inf') > 1e308)
print('float flag', getcontext().flags[FloatOperation])
print(2 > D('1.9'), 1.5 == D('1.5'), Fraction(1, 3) < D('0.3334'),
      Fraction(1, 3) == D('0.3333333333333333333333333333'))
print(D('1.0') == D('1'), D('1.0') != D('1'), D(1) == 'a', D(1) != None)
try:
    D(1) < 'a'
except TypeError as e:
    print('TypeError')

mixed = [D('2.5'), 1, 0.5, Fraction(7, 3), D('-1.75'), True, D('0E+5'),
         -3, D('1E+1'), 2.25, Fraction(-1, 2)]
print(sorted(mixed))
print(max(mixed), min(mixed), sorted(mixed, reverse=True)[:3])
print(sorted([D('1.0'), D('1'), D('1.00'), D('0.999')]))
print(sorted([D('-0'), D('0'), D('0.0')], key=lambda d: d.as_tuple()))
print(D('3').compare(D('2.99')), D('2.99').compare(3), D('1').compare(1))
print(D('1.0').compare_total(D('1')), D('-1').compare_total(D('1')),
      D('nan').compare_total(D('inf')), D('-snan').compare_total(D('-nan')))
print(D(5).max(D('5.0')), D(5).min(D('5.0')), D(-3).max_mag(2),
      D(-3).min_mag(2), D('nan').max(4), D(4).min(D('nan')))
