# sqrt, exp, ln, log10 and non-integral powers are correctly rounded at any
# precision; exact cases keep their ideal exponents; flags are as CPython's.
from decimal import Decimal as D, localcontext, getcontext, Inexact, \
    ROUND_DOWN, ROUND_CEILING

VALUES = ['2', '0.5', '10', '100', '1E-10', '123.456', '0.0001', '1E+50',
          '3.14159265358979323846', '1.0000001', '0.9999999', '7E-20']
for prec in (5, 28, 60):
    with localcontext(prec=prec):
        print('precision', prec)
        for text in VALUES:
            d = D(text)
            print('  %-24s sqrt=%s' % (text, d.sqrt()))
            print('  %-24s exp=%s' % ('', d.exp() if d < 1000 else '-'))
            print('  %-24s ln=%s log10=%s' % ('', d.ln(), d.log10()))

for text in ['4', '0.25', '1.44', '100', '1E+4', '1E-4', '0.0100', '4E+3',
             '0', '-0', '0E-5', '0E+5', '1', '1.00']:
    d = D(text)
    print('exact sqrt', text, repr(d.sqrt()))
for text in ['1', '10', '1E+5', '0.001', '1.000', '1E-7']:
    print('log10', text, repr(D(text).log10()), 'ln', repr(D(text).ln()))
print('exp(0)', repr(D(0).exp()), repr(D('-0.00').exp()))
print('exp(1)', D(1).exp(), 'exp(-1)', D(-1).exp())
print('exp big', D(1000).exp(), D(-1000).exp())
print('exp tiny', D('1E-40').exp(), D('-1E-40').exp())

for base, exponent in [('2', '0.5'), ('2', '1.5'), ('10', '0.3'),
                       ('4', '0.5'), ('8', '0.3333333333'), ('1.5', '2.5'),
                       ('0.5', '-1.5'), ('100', '-0.5'), ('9', '0.5'),
                       ('27', '0.25'), ('1.0001', '10000'),
                       ('1.0001', '-10000'), ('3', '100'), ('7', '-23')]:
    getcontext().clear_flags()
    result = D(base) ** D(exponent)
    print('%s ** %s = %s inexact=%s' % (base, exponent, result,
                                       getcontext().flags[Inexact]))

with localcontext(prec=40):
    print('e to 40', D(1).exp())
    print('pi-ish', (D(2).sqrt() * D(3).sqrt()).ln())
    print('2**0.5', D(2) ** D('0.5'))
with localcontext(prec=9, rounding=ROUND_DOWN):
    print('down', D(2).sqrt(), D(2).exp(), D(3).ln(), D(2) ** D('0.5'),
          D(2) / 3)
with localcontext(prec=9, rounding=ROUND_CEILING):
    print('ceiling', D(2).sqrt(), D(2).exp(), D(3).ln(), D(2) ** D('0.5'),
          D(2) / 3)

# Newton's method for the cube root of 2, the way people do it with Decimal.
with localcontext(prec=30):
    x = D(1)
    for _ in range(12):
        x = (2 * x + D(2) / (x * x)) / 3
    print('cbrt(2)', x, x ** 3)
