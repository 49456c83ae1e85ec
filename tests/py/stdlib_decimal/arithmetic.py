# The arithmetic operators with Decimal and int operands, the exponent of
# exact results, and CPython's TypeError for operands that do not mix.
from decimal import Decimal as D, getcontext


def show(label, compute):
    try:
        value = compute()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', repr(value))


pairs = [(D('1.20'), D('3.4')), (D('7'), D('2')), (D('-7'), D('2')),
         (D('7'), D('-2.5')), (D('1E+3'), D('0.001')), (D('0.1'), 3),
         (10, D('0.25')), (D('-0'), D('0')), (D('1'), D('3'))]
for a, b in pairs:
    print('%r %r' % (a, b))
    show('  +', lambda: a + b)
    show('  -', lambda: a - b)
    show('  *', lambda: a * b)
    show('  /', lambda: a / b)
    show('  //', lambda: a // b)
    show('  %', lambda: a % b)
    show('  divmod', lambda: divmod(a, b))

for base, exponent in [(D(2), 10), (D(2), -2), (D('1.1'), 2), (D('1.0'), 2),
                       (D(10), -3), (D('0.5'), -2), (D(2), D('0.5')),
                       (D(4), D('1.5')), (D(-2), 3), (D(-8), D('0.5')),
                       (D(0), 0), (D(0), -1), (3, D(2)), (D('1.5'), 0)]:
    show('%r ** %r' % (base, exponent), lambda: base ** exponent)
show('pow(D(3), 4, 5)', lambda: pow(D(3), 4, 5))
show('pow(D(-7), 3, 10)', lambda: pow(D(-7), 3, 10))
show('pow(D("1.5"), 2, 5)', lambda: pow(D('1.5'), 2, 5))

print(-D('1.50'), +D('-0'), -D('0'), abs(D('-2.5')), abs(D('-0.00')))
print(+D('1.23456789012345678901234567890'))
print(D('0.1') + D('0.2') == D('0.3'), 0.1 + 0.2 == 0.3)
print(sum([D('0.1')] * 10), sum([D('0.01')] * 100, D('0')))
print(D('1E+100') + D('1E-100'), D('1E+100') - D('1E-100'))
print(D('9999999999999999999999999999') + 1, D('0E-10') + 1)
print(D('12345678901234567890') * D('98765432109876543210'))
print(D(1) / D(7) * D(7), D(2) / D(3))

for op, compute in [('+ float', lambda: D(1) + 1.5),
                    ('float +', lambda: 1.5 + D(1)),
                    ('- complex', lambda: D(1) - 1j),
                    ('* float', lambda: D(1) * 0.5),
                    ('/ float', lambda: D(1) / 2.0),
                    ('float /', lambda: 2.0 / D(1)),
                    ('// float', lambda: D(1) // 2.0),
                    ('float %', lambda: 1.0 % D(1)),
                    ('divmod float', lambda: divmod(D(1), 1.0)),
                    ('** float', lambda: D(2) ** 0.5),
                    ('float **', lambda: 0.5 ** D(2)),
                    ('+ str', lambda: D(1) + '1'),
                    ('+ None', lambda: D(1) + None),
                    ('None +', lambda: None + D(1))]:
    show(op, compute)

x = D('10')
x += 5
x *= D('1.5')
x -= 1
x /= 4
x //= 2
print(x, type(x).__name__)
print(getcontext().flags)
