# Infinities, quiet and signalling NaNs (with payloads) and signed zeros:
# predicates, conversions, arithmetic and the number classes.
import math
from decimal import Decimal as D, localcontext, Context, InvalidOperation

SPECIAL = ['Infinity', '-Infinity', 'NaN', '-NaN', 'NaN123', 'sNaN',
           '-sNaN45', '0', '-0', '0E-9', '1E-999999', '1E-1000005',
           '9.99E+999999', '-12.5']
for text in SPECIAL:
    d = D(text)
    print('%-14s finite=%s inf=%s nan=%s qnan=%s snan=%s signed=%s zero=%s '
          'normal=%s subnormal=%s class=%s' % (
              text, d.is_finite(), d.is_infinite(), d.is_nan(), d.is_qnan(),
              d.is_snan(), d.is_signed(), d.is_zero(), d.is_normal(),
              d.is_subnormal(), d.number_class()))
    print('   tuple', d.as_tuple(), 'bool', bool(d), 'abs', abs(d) if not
          d.is_snan() else '-', 'neg', d.copy_negate(), 'canon',
          d.is_canonical(), d.canonical())


def attempt(label, compute):
    try:
        value = compute()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', repr(value))


inf, nan, snan = D('inf'), D('nan'), D('snan')
for label, compute in [('int(inf)', lambda: int(inf)),
                       ('int(nan)', lambda: int(nan)),
                       ('float(inf)', lambda: float(-inf)),
                       ('float(nan)', lambda: float(nan)),
                       ('float(snan)', lambda: float(snan)),
                       ('round(inf)', lambda: round(inf)),
                       ('round(nan, 2)', lambda: round(nan, 2)),
                       ('floor(nan)', lambda: math.floor(nan)),
                       ('ceil(-inf)', lambda: math.ceil(-inf)),
                       ('ratio inf', lambda: inf.as_integer_ratio()),
                       ('ratio nan', lambda: nan.as_integer_ratio()),
                       ('inf + 1', lambda: inf + 1),
                       ('inf * -2', lambda: inf * -2),
                       ('1 / inf', lambda: D(1) / inf),
                       ('-1 / inf', lambda: D(-1) / inf),
                       ('inf / 2', lambda: inf / 2),
                       ('inf // 2', lambda: inf // 2),
                       ('5 // inf', lambda: D(5) // inf),
                       ('5 % inf', lambda: D(5) % inf),
                       ('inf ** 0', lambda: inf ** 0),
                       ('inf ** -1', lambda: inf ** -1),
                       ('(-inf) ** 3', lambda: (-inf) ** 3),
                       ('nan + 1', lambda: nan + 1),
                       ('1 - nan7', lambda: 1 - D('-NaN7')),
                       ('snan * 1', lambda: snan * 1),
                       ('inf.sqrt()', lambda: inf.sqrt()),
                       ('inf.exp()', lambda: (-inf).exp()),
                       ('inf.ln()', lambda: inf.ln()),
                       ('inf compare', lambda: inf.compare(10 ** 100)),
                       ('nan max', lambda: nan.max(D(3))),
                       ('inf quantize', lambda: inf.quantize(D(1))),
                       ('-0 + 0', lambda: D('-0') + D('0')),
                       ('-0 - 0', lambda: D('-0') - D('0')),
                       ('-0 * 5', lambda: D('-0') * 5),
                       ('0 * -5', lambda: D(0) * -5),
                       ('-0.0 sqrt', lambda: D('-0.00').sqrt()),
                       ('-0 / 3', lambda: D('-0') / 3),
                       ('0E+5 / 1E-3', lambda: D('0E+5') / D('1E-3')),
                       ('inf == inf', lambda: inf == D('Infinity')),
                       ('-inf < inf', lambda: -inf < inf),
                       ('nan in list', lambda: nan in [nan]),
                       ('logb(0)', lambda: D(0).logb()),
                       ('logb(inf)', lambda: inf.logb()),
                       ('next_plus(inf)', lambda: inf.next_plus()),
                       ('next_minus(inf)', lambda: inf.next_minus()),
                       ('next_plus(-inf)', lambda: (-inf).next_plus()),
                       ('next_plus(0)', lambda: D(0).next_plus())]:
    attempt(label, compute)

with localcontext() as ctx:
    ctx.traps[InvalidOperation] = False
    print(inf - inf, D(0) * inf, D(0) / 0, snan + 1, D(-4).sqrt(),
          inf % 1, D(1) % 0, nan < 1, snan == 1, ctx.flags[InvalidOperation])
