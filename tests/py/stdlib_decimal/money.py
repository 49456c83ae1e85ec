# Everyday money arithmetic: prices, tax, discounts, rounding to cents with
# the usual modes, splitting a bill, and running totals.
from decimal import Decimal, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, \
    ROUND_CEILING, localcontext

CENT = Decimal('0.01')

items = [('coffee', Decimal('3.45'), 3), ('bagel', Decimal('2.10'), 2),
         ('juice', Decimal('4.99'), 1), ('muffin', Decimal('2.35'), 4)]
subtotal = Decimal('0')
for name, price, quantity in items:
    line = price * quantity
    subtotal += line
    print('%-8s %3d x %6s = %8s' % (name, quantity, price, line))
print('subtotal', subtotal)

for rate in ['0.0825', '0.07', '0.19', '0.055']:
    tax = subtotal * Decimal(rate)
    print(rate, tax, tax.quantize(CENT, ROUND_HALF_UP),
          tax.quantize(CENT, ROUND_HALF_EVEN), tax.quantize(CENT, ROUND_DOWN),
          (subtotal + tax).quantize(CENT))

discounted = subtotal * (1 - Decimal('0.15'))
print('discounted', discounted, discounted.quantize(CENT))

total = Decimal('100.00')
people = 3
share = (total / people).quantize(CENT, ROUND_DOWN)
remainder = total - share * people
print('share', share, 'remainder', remainder, 'check', share * people + remainder)

balance = Decimal('1000.00')
rate = Decimal('0.035') / 12
for month in range(1, 13):
    interest = (balance * rate).quantize(CENT, ROUND_HALF_EVEN)
    balance += interest
    if month % 3 == 0:
        print('month', month, 'interest', interest, 'balance', balance)

with localcontext() as ctx:
    ctx.prec = 6
    print('6 digits', Decimal('12345.678') * 1, Decimal(1) / 7)

for price in ['19.995', '19.985', '-19.995', '0.005', '2.675']:
    p = Decimal(price)
    print(price, p.quantize(CENT), p.quantize(CENT, ROUND_HALF_UP),
          p.quantize(CENT, ROUND_CEILING), round(p, 2))

amounts = [Decimal('0.10')] * 3 + [Decimal('-0.30')]
print('sum to zero', sum(amounts), sum(amounts) == 0)
print('cents', int(Decimal('12.34') * 100), Decimal(1234) / 100)
print('format', '{:>10}|{:,.2f}|{:.2%}'.format(Decimal('5.5'),
      Decimal('1234567.891'), Decimal('0.0825')))
print(sorted([Decimal('9.99'), Decimal('10'), Decimal('9.990'),
              Decimal('0.99')]))
print(max(Decimal('1.10'), Decimal('1.1')), min(Decimal('1.10'), Decimal('1.1')))
