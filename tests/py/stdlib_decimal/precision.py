# Results are rounded to the context precision (construction is exact,
# arithmetic and unary plus round); the exponent limits, subnormal results
# and the clamp setting.
from decimal import Decimal as D, Context, localcontext, getcontext, \
    Inexact, Rounded, Subnormal, Underflow, Clamped, Overflow, ROUND_DOWN

big = D('3.14159265358979323846264338327950288419716939937510')
print('exact construction', big)
for prec in (1, 2, 3, 5, 10, 28, 50):
    with localcontext(prec=prec):
        print(prec, +big, big * 1, big + 0, D(1) / 3, D(2) / 3,
              D(10) ** 20 + 1, D(123456) * D(654321))


def flags():
    return [s.__name__ for s, v in getcontext().flags.items() if v]


with localcontext(Context(prec=5, Emin=-20, Emax=20, traps=[])):
    for label, compute in [
            ('normal', lambda: D('1.2345E-20') + 0),
            ('subnormal exact', lambda: D('1.2E-21') + 0),
            ('subnormal rounded', lambda: D('1.23456E-22') + 0),
            ('tiniest', lambda: D('1E-24') + 0),
            ('below tiniest', lambda: D('1E-26') + 0),
            ('half tiniest', lambda: D('5E-25') + 0),
            ('largest', lambda: D('9.9999E+20') + 0),
            ('overflow', lambda: D('9.99995E+20') + 0),
            ('overflow mul', lambda: D('1E+15') * D('1E+15')),
            ('zero big exponent', lambda: D('0E+30') + 0),
            ('zero small exponent', lambda: D('0E-30') + 0),
            ('next_plus(0)', lambda: D(0).next_plus()),
            ('next_minus(largest)', lambda: D('9.9999E+20').next_minus()),
            ('normalize', lambda: D('100.00').normalize()),
            ('is_subnormal', lambda: D('1E-21').is_subnormal()),
            ('Etiny', lambda: getcontext().Etiny()),
            ('Etop', lambda: getcontext().Etop())]:
        getcontext().clear_flags()
        print(label, repr(compute()), flags())
    getcontext().rounding = ROUND_DOWN
    getcontext().clear_flags()
    print('overflow down', repr(D('9.99995E+20') + 0), flags())

clamped = Context(prec=3, Emin=-5, Emax=5, clamp=1, traps=[])
for text in ['1E+5', '1.2E+5', '0E+9', '123E+3', '1', '1E+3']:
    clamped.clear_flags()
    value = clamped.create_decimal(text)
    print('clamp', text, repr(value), clamped.flags[Clamped])
print('clamp normalize', clamped.normalize(D('1.00E+5')))

with localcontext() as ctx:
    ctx.prec = 3
    ctx.Emax = 3
    ctx.Emin = -3
    try:
        D(9999) * 1
    except Overflow as e:
        print('Overflow', e)
