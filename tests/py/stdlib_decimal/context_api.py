# The Context class: constructor defaults and validation, repr, flags and
# traps tables, copies, the templates, getcontext/setcontext/localcontext
# (with keyword overrides) and the context methods.
import copy
import pickle
from decimal import (Decimal as D, Context, getcontext, setcontext,
                     localcontext, DefaultContext, BasicContext,
                     ExtendedContext, Inexact, Rounded, InvalidOperation,
                     DivisionByZero, Overflow, Clamped, ROUND_DOWN,
                     ROUND_HALF_UP, MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY)
import decimal


def attempt(label, compute):
    try:
        value = compute()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', repr(value))


print(getcontext())
print(DefaultContext)
print(BasicContext)
print(ExtendedContext)
print(Context(prec=10, rounding=ROUND_DOWN, Emin=-99, Emax=99, capitals=0,
              clamp=1, flags=[Inexact], traps=[Overflow, Clamped]))
print(MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY)
print(decimal.ROUND_HALF_EVEN, decimal.ROUND_05UP, decimal.HAVE_THREADS)

attempt('prec=0', lambda: Context(prec=0))
attempt('prec str', lambda: Context(prec='5'))
attempt('rounding', lambda: Context(rounding='UP'))
attempt('Emin', lambda: Context(Emin=1))
attempt('Emax', lambda: Context(Emax=-1))
attempt('capitals', lambda: Context(capitals=2))
attempt('clamp', lambda: Context(clamp=-1))
attempt('partial flags dict', lambda: Context(flags={Inexact: True}))
attempt('flags key', lambda: getcontext().flags['x'])
attempt('localcontext bad kw', lambda: localcontext(precision=3))
attempt('localcontext bad value', lambda: localcontext(prec=-2))
attempt('setcontext', lambda: setcontext('x'))

ctx = Context(prec=7)
print(ctx.prec, ctx.rounding, ctx.Emin, ctx.Emax, ctx.capitals, ctx.clamp,
      ctx.Etiny(), ctx.Etop())
ctx.prec = 12
ctx.rounding = ROUND_HALF_UP
ctx.traps[Inexact] = True
print(ctx)
other = ctx.copy()
other.prec = 3
other.flags[Rounded] = True
print(ctx.prec, other.prec, ctx.flags[Rounded], other.flags[Rounded],
      copy.copy(ctx).prec)
ctx.clear_traps()
ctx.flags[Inexact] = 1
print(ctx.traps[Inexact], ctx.flags[Inexact], sorted(
    s.__name__ for s in ctx.flags))
ctx.clear_flags()
print(ctx)
restored = pickle.loads(pickle.dumps(Context(prec=4, traps=[Inexact])))
print(restored)

before = getcontext()
with localcontext() as inner:
    inner.prec = 5
    print('inside', D(1) / 7, getcontext() is inner, inner is before)
print('outside', D(1) / 7, getcontext() is before)
with localcontext(prec=3, rounding=ROUND_DOWN) as inner:
    print('kw', D(2) / 3, inner.prec, inner.rounding)
with localcontext(Context(prec=4)) as inner:
    print('given', D(2) / 3)
try:
    with localcontext(prec=2):
        print('before error', D(2) / 3)
        raise KeyError('boom')
except KeyError:
    print('after error', D(2) / 3)

setcontext(Context(prec=6, traps=[]))
print('set', D(1) / 3, D(1) / 0, getcontext().flags[DivisionByZero])
setcontext(DefaultContext)
print('template copied', getcontext() is DefaultContext, D(1) / 3)
setcontext(ExtendedContext)
print('extended', D(1) / 0, D(0) / 0, D(2) / 3)
getcontext().prec = 5
print('template untouched', ExtendedContext.prec)
setcontext(DefaultContext)

c = Context(prec=6)
for label, compute in [
        ('add', lambda: c.add(D('1.234567'), 1)),
        ('subtract', lambda: c.subtract(1, D('0.0000001'))),
        ('multiply', lambda: c.multiply(D('1.1'), D('1.1'))),
        ('divide', lambda: c.divide(1, 7)),
        ('divide_int', lambda: c.divide_int(17, 5)),
        ('remainder', lambda: c.remainder(-17, 5)),
        ('remainder_near', lambda: c.remainder_near(17, 5)),
        ('divmod', lambda: c.divmod(17, 5)),
        ('power', lambda: c.power(2, 30)),
        ('power mod', lambda: c.power(2, 30, 7)),
        ('sqrt', lambda: c.sqrt(10)),
        ('exp', lambda: c.exp(2)),
        ('ln', lambda: c.ln(10)),
        ('log10', lambda: c.log10(50)),
        ('abs', lambda: c.abs(D('-1.23456789'))),
        ('minus', lambda: c.minus(5)),
        ('plus', lambda: c.plus(D('1.23456789'))),
        ('compare', lambda: c.compare(2, 3)),
        ('max', lambda: c.max(D('1.5'), 1)),
        ('min', lambda: c.min(D('1.5'), 1)),
        ('quantize', lambda: c.quantize(D('2.71828'), D('0.01'))),
        ('normalize', lambda: c.normalize(D('1.500'))),
        ('fma', lambda: c.fma(2, 3, D('0.5'))),
        ('create_decimal', lambda: c.create_decimal('3.14159265')),
        ('create_decimal_from_float', lambda: c.create_decimal_from_float(0.1)),
        ('to_sci_string', lambda: c.to_sci_string(D('123E+10'))),
        ('to_eng_string', lambda: c.to_eng_string(D('123E+10'))),
        ('copy_abs', lambda: c.copy_abs(D('-2'))),
        ('copy_negate', lambda: c.copy_negate(D('2'))),
        ('copy_sign', lambda: c.copy_sign(D('2'), D('-0'))),
        ('is_zero', lambda: c.is_zero(D('0.00'))),
        ('is_signed', lambda: c.is_signed(D('-0'))),
        ('number_class', lambda: c.number_class(D('1E-999999'))),
        ('next_plus', lambda: c.next_plus(1)),
        ('next_minus', lambda: c.next_minus(1)),
        ('scaleb', lambda: c.scaleb(D('7.5'), 3)),
        ('logb', lambda: c.logb(D('1234'))),
        ('same_quantum', lambda: c.same_quantum(D('1.0'), D('9.9'))),
        ('to_integral_value', lambda: c.to_integral_value(D('2.5'))),
        ('radix', lambda: c.radix()),
        ('str operand', lambda: c.add('1', 2)),
        ('float operand', lambda: c.multiply(1.5, 2))]:
    attempt(label, compute)
