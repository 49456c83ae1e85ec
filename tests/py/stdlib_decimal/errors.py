# Signals: which flags an operation sets, which trapped signal is raised
# and its message (the list of trapped conditions), the exception class
# hierarchy, and results when the traps are off.
import decimal
from decimal import (Decimal as D, Context, localcontext, getcontext,
                     DecimalException, InvalidOperation, DivisionByZero,
                     Inexact, Rounded, Subnormal, Overflow, Underflow,
                     Clamped, FloatOperation, ConversionSyntax,
                     DivisionImpossible, DivisionUndefined, InvalidContext)


def raised(label, compute):
    getcontext().clear_flags()
    try:
        value = compute()
    except DecimalException as e:
        print(label, '-> raises', type(e).__name__, e, e.args)
    except Exception as e:
        print(label, '-> other', type(e).__name__, e)
    else:
        print(label, '->', repr(value))
    on = [s.__name__ for s, v in getcontext().flags.items() if v]
    print('   flags:', on)


raised('1/0', lambda: D(1) / 0)
raised('0/0', lambda: D(0) / 0)
raised('1//0', lambda: D(1) // 0)
raised('1%0', lambda: D(1) % 0)
raised('divmod(1, 0)', lambda: divmod(D(1), 0))
raised('bad string', lambda: D('1.2.3'))
raised('inf - inf', lambda: D('inf') - D('inf'))
raised('0 * inf', lambda: D(0) * D('-inf'))
raised('sqrt(-1)', lambda: D(-1).sqrt())
raised('ln(-1)', lambda: D(-1).ln())
raised('ln(0)', lambda: D(0).ln())
raised('overflow', lambda: D('9E+999999') * 10)
raised('big //', lambda: D(10) ** 30 // 3)
raised('quantize too long', lambda: D('1E+30').quantize(D('1')))
raised('nan <', lambda: D('nan') < 1)
raised('snan ==', lambda: D('snan') == 1)
raised('nan ==', lambda: D('nan') == D('nan'))
raised('snan + 1', lambda: D('sNaN') + 1)
raised('float <', lambda: D(1) < 1.5)
raised('1/3', lambda: D(1) / 3)
raised('0 ** 0', lambda: D(0) ** 0)
raised('(-8) ** 0.5', lambda: D(-8) ** D('0.5'))

with localcontext() as ctx:
    ctx.traps[Inexact] = True
    raised('inexact trapped', lambda: D(2) / 3)
    raised('exact is fine', lambda: D(1) / 4)
    ctx.traps[Inexact] = False
    ctx.traps[Rounded] = True
    raised('rounded trapped', lambda: D('1.0000000000000000000000000000000') + 0)
    ctx.traps[Rounded] = False
    ctx.traps[FloatOperation] = True
    raised('float construct', lambda: D(0.5))
    raised('float ==', lambda: D('0.5') == 0.5)
    raised('float <=', lambda: D('0.5') <= 0.5)
    raised('float from_float', lambda: D.from_float(0.5))
    ctx.traps[FloatOperation] = False
    ctx.traps[Underflow] = True
    ctx.traps[Subnormal] = True
    ctx.traps[Inexact] = True
    raised('underflow', lambda: D('1E-999999') / 3)
    ctx.traps[Underflow] = False
    raised('subnormal', lambda: D('1E-999999') / 3)
    ctx.traps[Inexact] = False
    raised('subnormal exact', lambda: D('1E-999999') / 4)
    ctx.traps[Subnormal] = False
    ctx.traps[Clamped] = True
    raised('clamped', lambda: D('0E-1000030') + 0)

ctx = Context(traps=[], prec=5, Emax=10, Emin=-10)
for label, compute in [('1/0', lambda: ctx.divide(1, 0)),
                       ('-1/0', lambda: ctx.divide(-1, 0)),
                       ('0/0', lambda: ctx.divide(0, 0)),
                       ('overflow', lambda: ctx.multiply(D('9E+10'), 10)),
                       ('underflow', lambda: ctx.divide(1, D('3E+12'))),
                       ('to zero', lambda: ctx.divide(1, D('3E+20'))),
                       ('bad string', lambda: ctx.create_decimal('x')),
                       ('sqrt(-4)', lambda: ctx.sqrt(-4)),
                       ('divide_int big', lambda: ctx.divide_int(10 ** 9, 7)),
                       ('nan payload', lambda: ctx.add(D('NaN42'), 1)),
                       ('snan payload', lambda: ctx.add(1, D('-sNaN3')))]:
    ctx.clear_flags()
    print(label, repr(compute()), ctx.flags[InvalidOperation],
          ctx.flags[DivisionByZero], ctx.flags[Overflow],
          ctx.flags[Underflow], ctx.flags[Inexact], ctx.flags[Clamped])

for cls in [DecimalException, Clamped, InvalidOperation, DivisionByZero,
            Inexact, Rounded, Subnormal, Overflow, Underflow, FloatOperation,
            ConversionSyntax, DivisionImpossible, DivisionUndefined,
            InvalidContext]:
    print(cls.__name__, cls.__module__,
          [b.__name__ for b in cls.__mro__[1:]])
print(issubclass(DivisionByZero, ZeroDivisionError),
      issubclass(FloatOperation, TypeError),
      issubclass(decimal.DivisionUndefined, ZeroDivisionError))
try:
    D(5) / 0
except ZeroDivisionError as e:
    print('caught as ZeroDivisionError:', repr(e))
try:
    D('x')
except ArithmeticError as e:
    print('caught as ArithmeticError:', type(e).__name__, e.args[0][0])
