# Decimal construction from every accepted source, and the errors for the
# rest: strings (exponents, specials, signs, underscores, whitespace),
# ints, exact floats, tuples and other Decimals.
from decimal import Decimal, InvalidOperation, localcontext, FloatOperation


def show(label, make):
    try:
        value = make()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', repr(value))


for text in ['0', '-0', '1.20', '+7', '  42\n', '\t-3.5e3 ', '1_000_000',
             '1_0.2_5', '.5', '5.', '-.5e-3', '1E+2', '1e2', '12E-20',
             '0E-7', '0.000', '-0E+5', 'Inf', '-infinity', 'INFINITY',
             'nan', '-NaN', 'NaN123', 'sNaN', '-snan0042', '1e-1000000',
             '123456789012345678901234567890.123456789',
             '\u0661\u0662.\u0663', '00012.3400']:
    show(repr(text), lambda: Decimal(text))

for bad in ['', ' ', 'abc', '1e', 'e5', '1.2.3', '--1', '1 2', 'nan1.5',
            'Infinite', '1e+', '0x10', '1,000']:
    show(repr(bad), lambda: Decimal(bad))

with localcontext() as ctx:
    ctx.traps[InvalidOperation] = False
    print('untrapped bad string:', repr(Decimal('oops')),
          ctx.flags[InvalidOperation])

for number in [0, 1, -1, 10 ** 30, -(2 ** 70), True]:
    show('int %r' % (number,), lambda: Decimal(number))

for f in [0.1, 0.5, -0.0, 1e20, 2.5e-5, 1 / 3, float('inf'),
          float('-inf'), float('nan')]:
    show('float %r' % (f,), lambda: Decimal(f))
    show('from_float %r' % (f,), lambda: Decimal.from_float(f))
show('from_float int', lambda: Decimal.from_float(7))
show('from_float str', lambda: Decimal.from_float('1'))

with localcontext() as ctx:
    ctx.traps[FloatOperation] = True
    show('float when trapped', lambda: Decimal(0.25))
    show('str when trapped', lambda: Decimal('0.25'))

for t in [(0, (1, 2, 3), -2), (1, (0,), 0), (0, (), 5), [1, [4, 5], 2],
          (0, (1,), 'F'), (1, (), 'n'), (0, (7,), 'N'), (0, (1, 2)),
          (2, (1,), 0), (0, (1, 10), 0), (0, (1,), 'x'), (0, (1,), 1.5),
          (0, '12', 0)]:
    show('tuple %r' % (t,), lambda: Decimal(t))

d = Decimal('3.14')
show('copy', lambda: Decimal(d))
print('copy equal:', Decimal(d) == d)
show('complex', lambda: Decimal(1j))
show('None', lambda: Decimal(None))
show('bytes', lambda: Decimal(b'1'))
show('no argument', lambda: Decimal())


class Money(Decimal):
    pass


m = Money('1.50')
print(type(m).__name__, m, isinstance(m, Decimal), repr(m + 1))
print(type(Money.from_float(0.5)).__name__, Money.from_float(0.5))
