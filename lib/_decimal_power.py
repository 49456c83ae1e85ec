"""Powers for the decimal module: x ** y and pow(x, y, modulo).

Design notes
------------
Power is the most case-ridden operation of the specification, so it has
its own file.  The special operands come first (NaNs, zeros, infinities,
and a negative base, which only an integral exponent may raise).  Then:

* an integral exponent whose exact result has a modest number of digits
  is computed exactly with big ints and rounded once, so results such as
  Decimal('1.1') ** 2 == Decimal('1.21') keep their ideal exponent, and a
  negative exponent divides 1 by that exact power;
* everything else goes through exp(y * ln(x)) in _decimal_math, correctly
  rounded in the context's rounding mode by Ziv's loop;
* results that are certain to overflow or underflow are recognised from a
  float estimate of y * ln(x) and handed to _fit() as a tiny or huge
  stand-in, so no enormous coefficient is ever built.

CPython rounds an integral power that lands far below the subnormal range
to zero whatever the rounding mode; this file does the same.

The functions need decimal.py's internals (the Decimal class, _fit() and
friends), and decimal.py needs this module: rather than import each other,
decimal.py imports this module at its very end and hands its namespace to
bind(), which copies the few names used here.
"""

import math as _math

import _decimal_math as _dm
from _decimal_context import Inexact, Rounded, ROUND_HALF_EVEN
from _decimal_math import ndigits as _ndigits, pow10 as _pow10

_SHARED = ('Decimal', '_new', '_done', '_fit', '_invalid', '_ONE', '_FINITE',
           '_INFINITE')


def bind(namespace):
    """Take the shared names from decimal.py's [namespace]."""
    for name in _SHARED:
        globals()[name] = namespace[name]


def power(base, other, context):
    """base ** other (no modulo), following the specification's rules."""
    conditions = []
    nan = Decimal._nan_result(conditions, base, other)
    if nan is not None:
        return _done(context, nan, conditions)
    other_integral = other._kind == _FINITE and \
        (other._exp >= 0 or other._coeff % _pow10(min(-other._exp,
                                                      _ndigits(other._coeff) + 1)) == 0)
    if other._kind == _FINITE and other_integral:
        n = other._integral_part()
    else:
        n = None
    # The sign of the result: negative only for a negative base raised to
    # an odd integer.
    if base._sign:
        if n is None and other._kind != _INFINITE:
            if base._kind == _FINITE and base._coeff == 0:
                pass
            else:
                return _done(context, _invalid(conditions), conditions)
        sign = 1 if (n is not None and n & 1) else 0
    else:
        sign = 0
    if other._kind == _FINITE and other._coeff == 0:
        if base._kind == _FINITE and base._coeff == 0:
            return _done(context, _invalid(conditions), conditions)
        return _new(0, 1, 0)
    if base._kind == _FINITE and base._coeff == 0:
        if other._sign:
            return _new(sign, 0, 0, _INFINITE)
        return _new(sign, 0, 0)
    if base._kind == _INFINITE:
        if other._sign:
            return _new(sign, 0, 0)
        return _new(sign, 0, 0, _INFINITE)
    if other._kind == _INFINITE:
        order = base.copy_abs()._cmp(_ONE)
        if order == 0:
            conditions.extend((Inexact, Rounded))
            result = _fit(0, _pow10(context._prec - 1), 1 - context._prec,
                          context, conditions)
            return _done(context, result, conditions)
        if base._sign:
            return _done(context, _invalid(conditions), conditions)
        if (order > 0) != bool(other._sign):
            return _new(0, 0, 0, _INFINITE)
        return _new(0, 0, 0)
    if n is not None:
        result = _integer_power(base, n, sign, context, conditions)
        if result is not None:
            return _done(context, result, conditions)
    small_integer = n is not None and abs(n) < 10 ** 18
    return _general_power(base, other, sign, context, conditions,
                          small_integer)


def _integer_power(base, n, sign, context, conditions):
    """base ** n for an integer n, exactly when the result is of modest
    size; None hands the job to the exp/ln route."""
    # Trailing zeros of the base only add zeros to the power, so the size
    # that matters is that of the rest of the coefficient.
    core = base._coeff
    while core % 10 == 0:
        core //= 10
    size = core.bit_length() * abs(n) * 30103 // 100000
    if size > 4 * context._prec + 400 and core != 1:
        return None
    if core == 1:
        # A power of ten: its power is 10**power_exp, built without its
        # digits.  A reciprocal is exactly 1E<power_exp>; a positive power
        # too long for the precision is that, shown with prec digits.
        power_exp = (base._exp + _ndigits(base._coeff) - 1) * n
        prec = context._prec
        rounding = None
        if power_exp < context.Etiny() - 1:
            rounding = ROUND_HALF_EVEN
        if n < 0:
            return _fit(sign, 1, power_exp, context, conditions, rounding)
        if (_ndigits(base._coeff) - 1) * n + 1 > prec:
            return _fit(sign, _pow10(prec), power_exp - prec, context,
                        conditions, rounding)
    coeff = base._coeff ** abs(n)
    exp = base._exp * abs(n)
    if n >= 0:
        rounding = None
        if exp + _ndigits(coeff) < context.Etiny() - 1:
            # An integer power far below the subnormal range becomes zero
            # whatever the rounding direction, as in CPython.
            rounding = ROUND_HALF_EVEN
        return _fit(sign, coeff, exp, context, conditions, rounding)
    # A negative power is the reciprocal of the positive one, divided in a
    # trap-free copy of the context so that its conditions join ours.
    quiet = context.copy()
    quiet.clear_traps()
    quiet.clear_flags()
    if -(exp + _ndigits(coeff)) < context.Etiny() - 1:
        # Likewise for the reciprocal of a huge power.
        quiet._rounding = ROUND_HALF_EVEN
    result = _new(sign, 1, 0)._divide(_new(0, coeff, exp), quiet)
    conditions.extend(signal for signal, on in quiet.flags.items() if on)
    return result


def _general_power(base, other, sign, context, conditions, small_integer):
    """base ** other through exp(other * ln(base)), correctly rounded in
    all but pathological cases."""
    prec = context._prec
    estimate = _dm.log_magnitude(base._coeff, base._exp)
    magnitude = abs(estimate) * float(other.copy_abs()) \
        if other._adjusted() < 300 else float('inf')
    if estimate == 0:
        magnitude = 0.0
    log_limit = (max(context._Emax, -context.Etiny()) + prec + 10) * 2.31
    positive = (estimate > 0) != bool(other._sign)
    rounding = context._rounding
    if magnitude > log_limit:
        if positive:
            coeff, exp = 1, context._Emax + 1
        else:
            coeff, exp = 1, context.Etiny() - 3
    elif abs(estimate) > 1e-10 and _log10_of_product(estimate, other) < \
            -(prec + 23):
        # y*ln(x) is so small that CPython's working precision sees
        # exactly 1, which it then returns (as inexact) in every rounding
        # mode; match that rather than rounding 1 +- tiny directionally.
        coeff, exp = _pow10(prec - 1), 1 - prec
    else:
        coeff, exp = _dm.power_rounded(base._coeff, base._exp, other._coeff,
                                       other._exp, bool(other._sign), prec,
                                       context._rounding)
    if small_integer and exp + _ndigits(coeff) < context.Etiny() - 1:
        rounding = ROUND_HALF_EVEN      # as in _integer_power
    result = _fit(sign, coeff, exp, context, conditions, rounding)
    if Inexact not in conditions:
        conditions.extend((Inexact, Rounded))
    return _done(context, result, conditions)


def _log10_of_product(ln_base, exponent):
    """Roughly log10(|ln_base * exponent|) for a finite non-zero exponent,
    without forming the product (which could underflow a float)."""
    scale = _dm.log_magnitude(exponent._coeff, exponent._exp) / _math.log(10)
    return _math.log10(abs(ln_base)) + scale


def modular_power(base, other, modulo, context):
    """pow(base, other, modulo) for integral operands, exactly."""
    conditions = []
    nan = Decimal._nan_result(conditions, base, other, modulo)
    if nan is not None:
        return _done(context, nan, conditions)
    operands = (base, other, modulo)
    if any(x._kind != _FINITE for x in operands) or \
            any(x.to_integral_value() != x for x in operands) or \
            other._sign or modulo._coeff == 0 or \
            _ndigits(modulo._coeff) > context._prec or \
            (base._coeff == 0 and other._coeff == 0):
        return _done(context, _invalid(conditions), conditions)
    m = abs(modulo._integral_part())
    value = pow(abs(base._integral_part()), other._integral_part(), m)
    sign = base._sign if other._integral_part() & 1 else 0
    return _new(sign, value, 0)
