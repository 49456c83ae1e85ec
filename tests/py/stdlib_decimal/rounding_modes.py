# The eight rounding modes, applied through quantize(), context precision,
# to_integral_value() and round(), on values chosen around the halfway
# points, for both signs.
from decimal import Decimal, Context, localcontext, ROUND_UP, ROUND_DOWN, \
    ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, \
    ROUND_HALF_EVEN, ROUND_05UP

MODES = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
         ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
VALUES = ['2.5', '3.5', '2.51', '2.49', '-2.5', '-2.51', '0.5', '-0.5',
          '1.0', '5.5', '0.05', '10.0000001', '-9.99', '0.0001']

print('value', *[m[6:] for m in MODES])
for text in VALUES:
    d = Decimal(text)
    print(text, *[d.quantize(Decimal('1'), rounding=m) for m in MODES])

print('two places')
for text in ['1.005', '1.015', '-1.005', '2.675', '1.9999', '0.125']:
    d = Decimal(text)
    print(text, *[d.quantize(Decimal('0.01'), rounding=m) for m in MODES])

print('precision 3')
for text in ['1234', '1235', '1245', '-1235', '99951', '1.0051', '1201']:
    results = []
    for mode in MODES:
        ctx = Context(prec=3, rounding=mode)
        results.append(str(ctx.plus(Decimal(text))))
    print(text, *results)

print('division at precision 5')
for mode in MODES:
    with localcontext() as ctx:
        ctx.prec = 5
        ctx.rounding = mode
        print(mode, Decimal(2) / 3, Decimal(-2) / 3, Decimal(1) / 8 * 100,
              Decimal('1.00005') + 0)

print('to_integral')
for mode in MODES:
    print(mode, Decimal('-7.5').to_integral_value(mode),
          Decimal('7.45').to_integral(rounding=mode),
          Decimal('6.5').to_integral_exact(mode))

print('round', round(Decimal('0.5')), round(Decimal('1.5')),
      round(Decimal('-2.5')), round(Decimal('2.675'), 2),
      round(Decimal('-0.125'), 2), round(Decimal('12345'), -3))
with localcontext(rounding=ROUND_HALF_UP):
    print('round half up', round(Decimal('2.5')), round(Decimal('2.675'), 2))
