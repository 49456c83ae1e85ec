"""Decimal fixed and floating point arithmetic (General Decimal Arithmetic).

Design notes
------------
A Decimal is immutable and holds four fields: _sign (0 or 1), _coeff (a
non-negative Python int), _exp (an int) and _kind, which says whether the
number is finite, an infinity, a quiet NaN or a signalling NaN (a NaN keeps
its diagnostic payload in _coeff).  Coefficients are ints rather than digit
strings, so addition and multiplication are single big-int operations and
only printing needs the digits.

Every operation follows the same shape: handle the special operands (NaNs
first, then infinities), compute the exact result where that is cheap, then
pass it to _fit(), which rounds to the context's precision and exponent
range.  Conditions met on the way (Inexact, Rounded, Subnormal, ...) are
appended to a list and reported through Context._report() once the result
is known, so a trapped signal's exception names every trapped condition of
that operation, as CPython's does.

The numerical kernels (rounding of coefficients, square root, exp, ln,
log10, non-integral powers) live in _decimal_math.py and work on plain
ints; signals, rounding-mode names and Context live in _decimal_context.py;
reading strings and tuples and format() live in _decimal_text.py; the
many cases of x ** y live in _decimal_power.py.

Operators (+, *, <, ...) use the calling thread's current context; the
named methods take an optional context argument.  Mixing with int is exact;
mixing with float is a TypeError for arithmetic and exact for comparisons
(which then raise the FloatOperation signal).
"""

import math as _math
import numbers as _numbers
import sys as _sys
from collections import namedtuple as _namedtuple

import _decimal_context
from _decimal_context import (
    DecimalException, Clamped, InvalidOperation, ConversionSyntax,
    DivisionByZero, DivisionImpossible, DivisionUndefined, Inexact,
    InvalidContext, Rounded, Subnormal, Overflow, Underflow, FloatOperation,
    Context, DefaultContext, BasicContext, ExtendedContext, getcontext,
    setcontext, localcontext, MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY,
    ROUND_DOWN, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_CEILING, ROUND_FLOOR,
    ROUND_UP, ROUND_HALF_DOWN, ROUND_05UP)
import _decimal_math as _dm
from _decimal_math import ndigits as _ndigits, pow10 as _pow10
from _decimal_text import format_decimal as _format_decimal, \
    parse_string as _parse, parse_tuple as _from_tuple

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'
HAVE_THREADS = True
HAVE_CONTEXTVAR = False

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow',
    'Underflow', 'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP',
    'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP',
    'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext',
    'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR']

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent',
                           module='decimal')

_FINITE, _INFINITE, _QNAN, _SNAN = 0, 1, 2, 3

# Stands for "this remainder is invalid" between _divide_special and the
# operations that report it (a quotient alone may still be fine).
_NO_REMAINDER = object()

_HASH_MODULUS = _sys.hash_info.modulus
_HASH_INF = _sys.hash_info.inf
# The inverse of 10 modulo the hash prime: a negative power of ten hashes
# as a positive power of this, which is how float and Fraction hash too.
_HASH_TEN_INVERSE = pow(10, _HASH_MODULUS - 2, _HASH_MODULUS)


def _new(sign, coeff, exp, kind=_FINITE):
    """A Decimal built straight from its fields (no checks)."""
    result = object.__new__(Decimal)
    result._sign = sign
    result._coeff = coeff
    result._exp = exp
    result._kind = kind
    return result


def _nan_from(value):
    """The quiet NaN an operation on NaN [value] returns (payload kept)."""
    return _new(value._sign, value._coeff, 0, _QNAN)


def _invalid(conditions, condition=InvalidOperation):
    """Record an invalid operation and give its default result, NaN."""
    conditions.append(condition)
    return _new(0, 0, 0, _QNAN)


def _overflow(sign, context, conditions, rounding):
    """The result of an overflow: an infinity or the largest finite
    number, depending on the rounding direction."""
    conditions.extend((Overflow, Inexact, Rounded))
    towards_infinity = rounding in (ROUND_HALF_UP, ROUND_HALF_EVEN,
                                    ROUND_HALF_DOWN, ROUND_UP) or \
        (rounding == ROUND_CEILING and sign == 0) or \
        (rounding == ROUND_FLOOR and sign == 1)
    if towards_infinity:
        return _new(sign, 0, 0, _INFINITE)
    prec = context._prec
    return _new(sign, _pow10(prec) - 1, context._Emax - prec + 1)


def _fit(sign, coeff, exp, context, conditions, rounding=None):
    """Round the finite value (sign, coeff, exp) into [context].

    This is where precision, Emin/Emax, subnormal results and the clamp
    setting are applied; the conditions met are appended."""
    prec = context._prec
    emax = context._Emax
    emin = context._Emin
    if emin <= exp <= emax - prec + 1 and coeff < _pow10(prec):
        # The common case: short enough, and far from every limit.
        return _new(sign, coeff, exp)
    if rounding is None:
        rounding = context._rounding
    etiny = emin - prec + 1
    if coeff == 0:
        top = emax - prec + 1 if context._clamp else emax
        if exp < etiny:
            exp = etiny
            conditions.append(Clamped)
        elif exp > top:
            exp = top
            conditions.append(Clamped)
        return _new(sign, 0, exp)
    adjusted = exp + _ndigits(coeff) - 1
    if adjusted > emax:
        return _overflow(sign, context, conditions, rounding)
    subnormal = adjusted < emin
    lowest = max(adjusted - prec + 1, etiny)
    if exp < lowest:
        coeff, inexact = _dm.drop_digits(coeff, lowest - exp, sign, rounding)
        exp = lowest
        if coeff and _ndigits(coeff) > prec:
            coeff //= 10
            exp += 1
        if subnormal:
            conditions.append(Subnormal)
        if inexact:
            conditions.append(Inexact)
            if subnormal:
                conditions.append(Underflow)
        conditions.append(Rounded)
        if coeff == 0:
            conditions.append(Clamped)
            return _new(sign, 0, exp)
        if exp + _ndigits(coeff) - 1 > emax:
            return _overflow(sign, context, conditions, rounding)
    elif subnormal:
        conditions.append(Subnormal)
    if context._clamp:
        top = emax - prec + 1
        if exp > top:
            coeff *= _pow10(exp - top)
            exp = top
            conditions.append(Clamped)
    return _new(sign, coeff, exp)


def _done(context, result, conditions):
    """Report the conditions of one operation and return its result."""
    if conditions:
        context._report(conditions)
    return result


def _convert(value):
    """The Decimal for an operand of an arithmetic operator, or
    NotImplemented: only Decimals and ints mix, and ints convert exactly."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return NotImplemented


def _method_operand(value):
    """Operands of Decimal's named methods: Decimals and ints only."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    raise TypeError('conversion from %s to Decimal is not supported'
                    % type(value).__name__)


def _context_of(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context


class Decimal(object):
    """A decimal floating point number: Decimal('3.14'), Decimal(42),
    Decimal((0, (3, 1, 4), -2)), Decimal(0.5) (exact).  Strings are
    converted exactly; the context only matters for invalid input."""

    __slots__ = ('_sign', '_coeff', '_exp', '_kind')

    def __new__(cls, value='0', context=None):
        self = object.__new__(cls)
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                context = _context_of(context)
                context._report([ConversionSyntax])
                parsed = (0, 0, 0, _QNAN)
            self._sign, self._coeff, self._exp, self._kind = parsed
            return self
        if isinstance(value, int):
            value = int(value)          # True and int subclasses
            self._sign = 1 if value < 0 else 0
            self._coeff = -value if value < 0 else value
            self._exp = 0
            self._kind = _FINITE
            return self
        if isinstance(value, Decimal):
            self._sign = value._sign
            self._coeff = value._coeff
            self._exp = value._exp
            self._kind = value._kind
            return self
        if isinstance(value, float):
            context = _context_of(context)
            context._report([FloatOperation])
            exact = Decimal.from_float(value)
            self._sign, self._coeff = exact._sign, exact._coeff
            self._exp, self._kind = exact._exp, exact._kind
            return self
        if isinstance(value, (tuple, list)):
            self._sign, self._coeff, self._exp, self._kind = \
                _from_tuple(value)
            return self
        raise TypeError('conversion from %s to Decimal is not supported'
                        % type(value).__name__)

    @classmethod
    def from_float(cls, f):
        """The exact value of the float (or int) [f] as a Decimal."""
        if isinstance(f, int):
            result = Decimal(f)
        elif isinstance(f, float):
            if f != f:
                result = _new(0, 0, 0, _QNAN)
            elif f in (_math.inf, -_math.inf):
                result = _new(1 if f < 0 else 0, 0, 0, _INFINITE)
            else:
                sign = 1 if _math.copysign(1.0, f) < 0 else 0
                numerator, denominator = abs(f).as_integer_ratio()
                # The denominator is 2**k; n/2**k == n*5**k / 10**k.
                k = denominator.bit_length() - 1
                result = _new(sign, numerator * 5 ** k, -k)
        else:
            raise TypeError('argument must be int or float')
        if cls is not Decimal:
            return cls(result)
        return result

    # -- small helpers -----------------------------------------------------

    def _is_nan(self):
        return self._kind >= _QNAN

    def _adjusted(self):
        return self._exp + _ndigits(self._coeff) - 1

    def _round_to(self, context):
        """This value rounded into [context], conditions reported."""
        if self._kind != _FINITE:
            if self._kind == _SNAN:
                return _done(context, _nan_from(self), [InvalidOperation])
            return _new(self._sign, self._coeff, 0, self._kind) \
                if self._kind != _INFINITE else self
        conditions = []
        result = _fit(self._sign, self._coeff, self._exp, context,
                      conditions)
        return _done(context, result, conditions)

    # -- text ----------------------------------------------------------------

    def __str__(self, eng=False, context=None):
        capitals = getcontext()._capitals if context is None \
            else context._capitals
        return self._text(eng, capitals)

    def _text(self, eng, capitals):
        sign = '-' if self._sign else ''
        if self._kind == _INFINITE:
            return sign + 'Infinity'
        if self._kind >= _QNAN:
            name = 'NaN' if self._kind == _QNAN else 'sNaN'
            return sign + name + (str(self._coeff) if self._coeff else '')
        digits = str(self._coeff)
        exp = self._exp
        left = exp + len(digits)
        if exp <= 0 and left > -6:
            dot = left
        elif not eng:
            dot = 1
        elif self._coeff == 0:
            # Zero in engineering form: the exponent must be a multiple of
            # three, and the point moves into or past the zero's place.
            dot = (left + 1) % 3 - 1
        else:
            dot = (left - 1) % 3 + 1
        if dot <= 0:
            body = '0.' + '0' * (-dot) + digits
        elif dot >= len(digits):
            body = digits + '0' * (dot - len(digits))
        else:
            body = digits[:dot] + '.' + digits[dot:]
        if left != dot:
            body += ('E' if capitals else 'e') + '%+d' % (left - dot)
        return sign + body

    def __repr__(self):
        return "Decimal('%s')" % self._text(False, getcontext()._capitals)

    def to_eng_string(self, context=None):
        """Like str(), but an exponent is always a multiple of three."""
        return self._text(True, _context_of(context)._capitals)

    def __format__(self, spec, _unused=None):
        context = getcontext()
        if not isinstance(spec, str):
            raise TypeError('format spec must be a string')
        text = _format_decimal(spec, self._sign, self._coeff, self._exp,
                               self._kind, context._capitals,
                               context._rounding)
        if text is None:
            return str(self)
        return text

    # -- conversions ---------------------------------------------------------

    def as_tuple(self):
        """DecimalTuple(sign, digits, exponent) of this value."""
        if self._kind == _INFINITE:
            return DecimalTuple(self._sign, (0,), 'F')
        if self._kind >= _QNAN:
            digits = tuple(int(d) for d in str(self._coeff)) \
                if self._coeff else ()
            return DecimalTuple(self._sign, digits,
                                'n' if self._kind == _QNAN else 'N')
        return DecimalTuple(self._sign,
                            tuple(int(d) for d in str(self._coeff)),
                            self._exp)

    def as_integer_ratio(self):
        """(numerator, denominator) in lowest terms, denominator > 0."""
        if self._kind == _INFINITE:
            raise OverflowError('cannot convert Infinity to integer ratio')
        if self._kind != _FINITE:
            raise ValueError('cannot convert NaN to integer ratio')
        coeff = self._coeff
        if self._exp >= 0:
            numerator, denominator = coeff * _pow10(self._exp), 1
        else:
            numerator, denominator = coeff, _pow10(-self._exp)
            common = _math.gcd(numerator, denominator)
            numerator //= common
            denominator //= common
        return (-numerator if self._sign else numerator), denominator

    def _integral_part(self):
        """The value truncated towards zero, as an int."""
        if self._kind == _INFINITE:
            raise OverflowError('cannot convert Infinity to integer')
        if self._kind != _FINITE:
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            value = self._coeff * _pow10(self._exp)
        elif -self._exp > _ndigits(self._coeff):
            value = 0
        else:
            value = self._coeff // _pow10(-self._exp)
        return -value if self._sign else value

    def __int__(self):
        return self._integral_part()

    __trunc__ = __int__

    def __float__(self):
        if self._kind >= _QNAN:
            if self._kind == _SNAN:
                raise ValueError('cannot convert signaling NaN to float')
            return float('-nan') if self._sign else float('nan')
        return float(self._text(False, 1))

    def __complex__(self):
        return complex(float(self))

    def __bool__(self):
        return self._kind != _FINITE or self._coeff != 0

    def _rounded_int(self, rounding):
        """The nearest int under [rounding] (floor, ceil and round())."""
        if self._kind == _INFINITE:
            raise OverflowError('cannot convert Infinity to integer')
        if self._kind != _FINITE:
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            value = self._coeff * _pow10(self._exp)
        else:
            value, _ = _dm.drop_digits(self._coeff, -self._exp, self._sign,
                                       rounding)
        return -value if self._sign else value

    def __floor__(self):
        return self._rounded_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._rounded_int(ROUND_CEILING)

    def __round__(self, n=None):
        if n is None:
            return self._rounded_int(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return self.quantize(_new(0, 1, -n))

    # -- hashing and comparison -----------------------------------------------

    def __hash__(self):
        if self._kind != _FINITE:
            if self._kind == _SNAN:
                raise TypeError('Cannot hash a signaling NaN value')
            if self._kind == _QNAN:
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        if self._exp >= 0:
            scale = pow(10, self._exp, _HASH_MODULUS)
        else:
            scale = pow(_HASH_TEN_INVERSE, -self._exp, _HASH_MODULUS)
        value = self._coeff % _HASH_MODULUS * scale % _HASH_MODULUS
        if self._sign:
            value = -value
        return -2 if value == -1 else value

    def _compare_key(self):
        """-1, 0 or 1 for the sign of a non-NaN value."""
        if self._kind == _FINITE and self._coeff == 0:
            return 0
        return -1 if self._sign else 1

    def _cmp(self, other):
        """Three-way comparison of two non-NaN Decimals."""
        a = self._compare_key()
        b = other._compare_key()
        if a != b:
            return -1 if a < b else 1
        if a == 0:
            return 0
        # Same sign: compare magnitudes, then flip for negatives.
        if self._kind == _INFINITE or other._kind == _INFINITE:
            result = (self._kind == _INFINITE) - (other._kind == _INFINITE)
        else:
            adj_a = self._adjusted()
            adj_b = other._adjusted()
            if adj_a != adj_b:
                result = 1 if adj_a > adj_b else -1
            else:
                low = min(self._exp, other._exp)
                ca = self._coeff * _pow10(self._exp - low)
                cb = other._coeff * _pow10(other._exp - low)
                result = (ca > cb) - (ca < cb)
        return -result if a < 0 else result

    def _comparable(self, other, ordering):
        """(self, other) as Decimals for a comparison, or NotImplemented.

        Rationals (Fraction) are compared exactly by scaling; floats are
        converted exactly and raise the FloatOperation signal (trapping
        only for ordering comparisons, as CPython does)."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return Decimal(other)
        if isinstance(other, float):
            context = getcontext()
            if ordering:
                context._report([FloatOperation])
            else:
                context._flags._state[FloatOperation] = True
            return Decimal.from_float(other)
        if isinstance(other, complex) and other.imag == 0 and not ordering:
            return self._comparable(other.real, ordering)
        if isinstance(other, _numbers.Rational):
            return other
        return NotImplemented

    def _rational_cmp(self, other):
        """Compare a non-NaN self with a Rational [other] exactly."""
        if self._kind == _INFINITE:
            return -1 if self._sign else 1
        numerator, denominator = self.as_integer_ratio()
        left = numerator * other.denominator
        right = other.numerator * denominator
        return (left > right) - (left < right)

    def _order(self, other, test):
        other = self._comparable(other, True)
        if other is NotImplemented:
            return NotImplemented
        if not isinstance(other, Decimal):
            if self._kind >= _QNAN:
                return _done(getcontext(), False, [InvalidOperation])
            return test(self._rational_cmp(other))
        if self._kind >= _QNAN or other._kind >= _QNAN:
            return _done(getcontext(), False, [InvalidOperation])
        return test(self._cmp(other))

    def __eq__(self, other):
        other = self._comparable(other, False)
        if other is NotImplemented:
            return NotImplemented
        if not isinstance(other, Decimal):
            if self._kind >= _QNAN:
                return False
            return self._rational_cmp(other) == 0
        if self._kind >= _QNAN or other._kind >= _QNAN:
            if self._kind == _SNAN or other._kind == _SNAN:
                return _done(getcontext(), False, [InvalidOperation])
            return False
        return self._cmp(other) == 0

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __lt__(self, other):
        return self._order(other, lambda r: r < 0)

    def __le__(self, other):
        return self._order(other, lambda r: r <= 0)

    def __gt__(self, other):
        return self._order(other, lambda r: r > 0)

    def __ge__(self, other):
        return self._order(other, lambda r: r >= 0)

    # -- NaN propagation ---------------------------------------------------

    @staticmethod
    def _nan_result(conditions, *operands):
        """The NaN result when any operand is a NaN, else None.

        A signalling NaN wins over a quiet one and raises InvalidOperation;
        the first NaN operand otherwise gives its payload to the result."""
        for operand in operands:
            if operand._kind == _SNAN:
                conditions.append(InvalidOperation)
                return _nan_from(operand)
        for operand in operands:
            if operand._kind == _QNAN:
                return _nan_from(operand)
        return None

    # -- addition and friends ------------------------------------------------

    def _add(self, other, context, negate_other=False):
        conditions = []
        other_sign = other._sign ^ 1 if negate_other else other._sign
        if self._kind or other._kind:
            return self._add_special(other, other_sign, context, conditions)
        a_sign, a_coeff, a_exp = self._sign, self._coeff, self._exp
        b_sign, b_coeff, b_exp = other_sign, other._coeff, other._exp
        low = min(a_exp, b_exp)
        if a_coeff and b_coeff:
            if abs(a_exp - b_exp) > context._prec + 2:
                a_exp, b_exp, a_coeff, b_coeff = _shrink_far_operand(
                    a_exp, b_exp, a_coeff, b_coeff, context._prec)
                low = min(a_exp, b_exp)
        elif a_coeff == 0 and b_coeff == 0:
            # The sign of an exact zero sum: negative only when both are,
            # or, for opposite signs, when rounding towards -infinity.
            if a_sign == b_sign:
                sign = a_sign
            else:
                sign = 1 if context._rounding == ROUND_FLOOR else 0
            result = _fit(sign, 0, low, context, conditions)
            return _done(context, result, conditions)
        a_value = a_coeff * _pow10(a_exp - low) if a_exp != low else a_coeff
        b_value = b_coeff * _pow10(b_exp - low) if b_exp != low else b_coeff
        total = (-a_value if a_sign else a_value) + \
            (-b_value if b_sign else b_value)
        if total == 0:
            sign = 1 if context._rounding == ROUND_FLOOR else 0
        else:
            sign = 1 if total < 0 else 0
        result = _fit(sign, abs(total), low, context, conditions)
        return _done(context, result, conditions)

    def _add_special(self, other, other_sign, context, conditions):
        """Addition when either operand is an infinity or a NaN."""
        nan = Decimal._nan_result(conditions, self, other)
        if nan is not None:
            return _done(context, nan, conditions)
        if self._kind == _INFINITE and other._kind == _INFINITE and \
                self._sign != other_sign:
            return _done(context, _invalid(conditions), conditions)
        if self._kind == _INFINITE:
            return self
        return _new(other_sign, 0, 0, _INFINITE)

    def _subtract(self, other, context):
        return self._add(other, context, negate_other=True)

    # -- unary operators -----------------------------------------------------

    def _plus(self, context=None):
        context = _context_of(context)
        if self._kind != _FINITE:
            return self._round_to(context)
        sign = self._sign
        if self._coeff == 0 and context._rounding != ROUND_FLOOR:
            sign = 0        # 0 + -0 is +0 except when rounding to floor
        conditions = []
        result = _fit(sign, self._coeff, self._exp, context, conditions)
        return _done(context, result, conditions)

    def _minus(self, context=None):
        if self._kind >= _QNAN:
            return self._plus(context)      # a NaN keeps its sign
        return self.copy_negate()._plus(context)

    def _abs(self, context=None):
        if self._kind >= _QNAN:
            return self._plus(context)
        return self.copy_abs()._plus(context)

    def __pos__(self):
        return self._plus()

    def __neg__(self):
        return self._minus()

    def __abs__(self):
        return self._abs()

    # -- multiplication and division -----------------------------------------

    def _multiply(self, other, context):
        conditions = []
        if not (self._kind or other._kind):
            result = _fit(self._sign ^ other._sign,
                          self._coeff * other._coeff,
                          self._exp + other._exp, context, conditions)
            return _done(context, result, conditions)
        nan = Decimal._nan_result(conditions, self, other)
        if nan is not None:
            return _done(context, nan, conditions)
        sign = self._sign ^ other._sign
        if self._kind == _INFINITE or other._kind == _INFINITE:
            if not other or not self:
                return _done(context, _invalid(conditions), conditions)
            return _new(sign, 0, 0, _INFINITE)
        result = _fit(sign, self._coeff * other._coeff,
                      self._exp + other._exp, context, conditions)
        return _done(context, result, conditions)

    def _divide_special(self, other, context, conditions):
        """Shared NaN/infinity/zero handling of /, //, % and divmod.

        Returns None when both operands are finite and the divisor is not
        zero; otherwise the pair (quotient, remainder) to use."""
        nan = Decimal._nan_result(conditions, self, other)
        if nan is not None:
            return nan, nan
        sign = self._sign ^ other._sign
        if self._kind == _INFINITE:
            if other._kind == _INFINITE:
                nan = _invalid(conditions)
                return nan, nan
            # The remainder of an infinity is invalid; only the callers
            # that need it record that.
            return _new(sign, 0, 0, _INFINITE), _NO_REMAINDER
        if other._kind == _INFINITE:
            # A finite number over an infinity: zero quotient, and the
            # dividend itself is the remainder.
            conditions.append(Clamped)
            zero = _new(sign, 0, context._Emin - context._prec + 1)
            return zero, self
        if other._coeff == 0:
            if self._coeff == 0:
                nan = _invalid(conditions, DivisionUndefined)
                return nan, nan
            conditions.append(DivisionByZero)
            return _new(sign, 0, 0, _INFINITE), None
        return None

    def _divide(self, other, context):
        conditions = []
        special = self._divide_special(other, context, conditions)
        if special is not None:
            return _done(context, special[0], conditions)
        sign = self._sign ^ other._sign
        ideal = self._exp - other._exp
        if self._coeff == 0:
            result = _fit(sign, 0, ideal, context, conditions)
            return _done(context, result, conditions)
        prec = context._prec
        a, b = self._coeff, other._coeff
        shift = _ndigits(b) - _ndigits(a) + prec + 1
        if shift >= 0:
            quotient, rest = divmod(a * _pow10(shift), b)
        else:
            quotient, rest = divmod(a, b * _pow10(-shift))
        exp = ideal - shift
        if rest:
            quotient = _dm.sticky(quotient * 10)
            exp -= 1
        else:
            # Exact: come as close to the ideal exponent as zeros allow.
            while exp < ideal and quotient % 10 == 0:
                quotient //= 10
                exp += 1
        result = _fit(sign, quotient, exp, context, conditions)
        return _done(context, result, conditions)

    def _integer_division(self, other, context, conditions):
        """(quotient, remainder) of truncating division, both finite and
        unrounded, or a special pair; raises nothing itself."""
        special = self._divide_special(other, context, conditions)
        if special is not None:
            return special
        sign = self._sign ^ other._sign
        low = min(self._exp, other._exp)
        if self._coeff == 0:
            return _new(sign, 0, 0), _new(self._sign, 0, low)
        if other._adjusted() > self._adjusted() + 1 and \
                self._coeff and other._coeff:
            # |self| < |other|: the quotient is zero, and the remainder is
            # self at the smaller exponent (bounded by other's digits).
            return _new(sign, 0, 0), _new(
                self._sign, self._coeff * _pow10(self._exp - low), low)
        a = self._coeff * _pow10(self._exp - low)
        b = other._coeff * _pow10(other._exp - low)
        quotient, rest = divmod(a, b)
        if _ndigits(quotient) > context._prec:
            nan = _invalid(conditions, DivisionImpossible)
            return nan, nan
        return _new(sign, quotient, 0), _new(self._sign, rest, low)

    def _divide_int(self, other, context):
        conditions = []
        quotient, _ = self._integer_division(other, context, conditions)
        if InvalidOperation in conditions and DivisionByZero in conditions:
            conditions.remove(InvalidOperation)
        if quotient._kind == _FINITE and Clamped in conditions:
            conditions.remove(Clamped)
            quotient = _new(quotient._sign, 0, 0)
        return _done(context, quotient, conditions)

    def _remainder(self, other, context):
        conditions = []
        quotient, rest = self._integer_division(other, context, conditions)
        if rest is None:
            # x % 0 is invalid rather than a division by zero.
            conditions.remove(DivisionByZero)
            rest = _invalid(conditions)
        elif rest is _NO_REMAINDER:
            rest = _invalid(conditions)
        if Clamped in conditions:
            conditions.remove(Clamped)
        if rest._kind == _FINITE:
            rest = _fit(rest._sign, rest._coeff, rest._exp, context,
                        conditions)
        return _done(context, rest, conditions)

    def _divmod(self, other, context):
        conditions = []
        quotient, rest = self._integer_division(other, context, conditions)
        if rest is None or rest is _NO_REMAINDER:
            rest = _invalid(conditions)
        if Clamped in conditions:
            conditions.remove(Clamped)
            quotient = _new(quotient._sign, 0, 0)
        if rest._kind == _FINITE:
            rest = _fit(rest._sign, rest._coeff, rest._exp, context,
                        conditions)
        return _done(context, (quotient, rest), conditions)

    def remainder_near(self, other, context=None):
        """self - other*n where n is the integer nearest self/other (ties
        to even), so the result is at most half of |other|."""
        context = _context_of(context)
        other = _method_operand(other)
        conditions = []
        quotient, rest = self._integer_division(other, context, conditions)
        if rest is None:
            conditions.remove(DivisionByZero)
            return _done(context, _invalid(conditions), conditions)
        if rest is _NO_REMAINDER:
            return _done(context, _invalid(conditions), conditions)
        if other._kind == _INFINITE and self._kind == _FINITE:
            return self._round_to(context)
        if Clamped in conditions:
            conditions.remove(Clamped)
        if rest._kind != _FINITE or quotient._kind != _FINITE:
            return _done(context, rest, conditions)
        low = rest._exp
        r = rest._coeff
        divisor = other._coeff * _pow10(other._exp - low)
        sign = rest._sign
        q_odd = quotient._coeff & 1
        if 2 * r > divisor or (2 * r == divisor and q_odd):
            r = divisor - r
            sign ^= 1
            if _ndigits(quotient._coeff + 1) > context._prec:
                return _done(context, _invalid(conditions,
                                               DivisionImpossible),
                             conditions)
        result = _fit(sign, r, low, context, conditions)
        return _done(context, result, conditions)

    # -- powers ----------------------------------------------------------------

    def _power(self, other, modulo, context):
        if modulo is not None:
            return _decimal_power.modular_power(self, other, modulo, context)
        return _decimal_power.power(self, other, context)

    def __pow__(self, other, modulo=None):
        converted = _convert(other)
        if converted is NotImplemented:
            _refuse('** or pow()', self, other, False)
            return converted
        if modulo is not None:
            modulo = _convert(modulo)
            if modulo is NotImplemented:
                return modulo
        return self._power(converted, modulo, getcontext())

    def __rpow__(self, other, modulo=None):
        converted = _convert(other)
        if converted is NotImplemented:
            _refuse('** or pow()', other, self, True)
            return converted
        return converted._power(self, modulo, getcontext())

    # -- predicates ------------------------------------------------------------

    def is_finite(self):
        return self._kind == _FINITE

    def is_infinite(self):
        return self._kind == _INFINITE

    def is_nan(self):
        return self._kind >= _QNAN

    def is_qnan(self):
        return self._kind == _QNAN

    def is_snan(self):
        return self._kind == _SNAN

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return self._kind == _FINITE and self._coeff == 0

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_normal(self, context=None):
        context = _context_of(context)
        if self._kind != _FINITE or self._coeff == 0:
            return False
        return self._adjusted() >= context._Emin

    def is_subnormal(self, context=None):
        context = _context_of(context)
        if self._kind != _FINITE or self._coeff == 0:
            return False
        return self._adjusted() < context._Emin

    def number_class(self, context=None):
        """One of the ten class names of the specification."""
        context = _context_of(context)
        sign = '-' if self._sign else '+'
        if self._kind == _SNAN:
            return 'sNaN'
        if self._kind == _QNAN:
            return 'NaN'
        if self._kind == _INFINITE:
            return sign + 'Infinity'
        if self._coeff == 0:
            return sign + 'Zero'
        if self.is_subnormal(context):
            return sign + 'Subnormal'
        return sign + 'Normal'

    def radix(self):
        return Decimal(10)

    def adjusted(self):
        """The exponent of the most significant digit (0 for specials)."""
        if self._kind != _FINITE:
            return 0
        return self._adjusted()

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    # -- sign manipulation (exact, no context) ----------------------------

    def copy_abs(self):
        return _new(0, self._coeff, self._exp, self._kind)

    def copy_negate(self):
        return _new(self._sign ^ 1, self._coeff, self._exp, self._kind)

    def copy_sign(self, other, context=None):
        other = _method_operand(other)
        return _new(other._sign, self._coeff, self._exp, self._kind)

    def same_quantum(self, other, context=None):
        """Whether both have the same exponent (or are both special of the
        same kind)."""
        other = _method_operand(other)
        if self._kind != _FINITE or other._kind != _FINITE:
            return (self._kind >= _QNAN and other._kind >= _QNAN) or \
                (self._kind == other._kind == _INFINITE)
        return self._exp == other._exp

    # -- comparisons that return Decimals ---------------------------------

    def compare(self, other, context=None):
        """Decimal(-1), Decimal(0) or Decimal(1); NaN if either is NaN."""
        context = _context_of(context)
        other = _method_operand(other)
        conditions = []
        nan = Decimal._nan_result(conditions, self, other)
        if nan is not None:
            return _done(context, nan, conditions)
        return Decimal(self._cmp(other))

    def compare_signal(self, other, context=None):
        """Like compare(), but a quiet NaN also signals."""
        context = _context_of(context)
        other = _method_operand(other)
        if self._kind == _QNAN or other._kind == _QNAN:
            conditions = [InvalidOperation]
            nan = _nan_from(self if self._kind == _QNAN else other)
            if self._kind == _SNAN or other._kind == _SNAN:
                nan = Decimal._nan_result([], self, other)
            return _done(context, nan, conditions)
        return self.compare(other, context)

    def _total_key(self):
        """The rank of this value's kind in compare_total()'s order:
        numbers, then infinities, then signalling and quiet NaNs."""
        return _TOTAL_RANK[self._kind]

    def compare_total(self, other, context=None):
        """A total order: -NaN < -sNaN < -Inf < ... < Inf < sNaN < NaN,
        and equal values are ordered by exponent."""
        other = _method_operand(other)
        if self._sign != other._sign:
            return Decimal(-1 if self._sign else 1)
        result = self._compare_total_magnitude(other)
        if self._sign:
            result = -result
        return Decimal(result)

    def _compare_total_magnitude(self, other):
        ka = self._total_key()
        kb = other._total_key()
        if ka != kb:
            return -1 if ka < kb else 1
        if ka >= 3:
            return (self._coeff > other._coeff) - \
                (self._coeff < other._coeff)
        if ka == 2:
            return 0
        result = self.copy_abs()._cmp(other.copy_abs())
        if result:
            return result
        return (self._exp > other._exp) - (self._exp < other._exp)

    def compare_total_mag(self, other, context=None):
        other = _method_operand(other)
        return Decimal(self._compare_total_magnitude(other))

    def _choose(self, other, context, want_max, magnitude):
        """Shared body of max, min, max_mag and min_mag: a quiet NaN
        loses to a number, and equal values are ordered by sign and then
        exponent so the choice is deterministic."""
        context = _context_of(context)
        other = _method_operand(other)
        conditions = []
        if self._kind >= _QNAN or other._kind >= _QNAN:
            if self._kind == _SNAN or other._kind == _SNAN:
                nan = Decimal._nan_result(conditions, self, other)
                return _done(context, nan, conditions)
            if self._kind == _QNAN and other._kind == _QNAN:
                return _nan_from(self)
            number = other if self._kind == _QNAN else self
            return number._round_to(context)
        if magnitude:
            order = self.copy_abs()._cmp(other.copy_abs())
            if order == 0:
                order = self._cmp(other)
        else:
            order = self._cmp(other)
        if order == 0:
            order = self.compare_total(other)._sign_value()
        pick = self if (order > 0) == want_max else other
        return pick._round_to(context)

    def _sign_value(self):
        if self._coeff == 0:
            return 0
        return -1 if self._sign else 1

    def max(self, other, context=None):
        return self._choose(other, context, True, False)

    def min(self, other, context=None):
        return self._choose(other, context, False, False)

    def max_mag(self, other, context=None):
        return self._choose(other, context, True, True)

    def min_mag(self, other, context=None):
        return self._choose(other, context, False, True)

    # -- exponent manipulation ---------------------------------------------

    def quantize(self, exp, rounding=None, context=None):
        """This value rounded (or zero-padded) to the exponent of [exp]."""
        context = _context_of(context)
        exp = _method_operand(exp)
        if rounding is None:
            rounding = context._rounding
        conditions = []
        nan = Decimal._nan_result(conditions, self, exp)
        if nan is not None:
            return _done(context, nan, conditions)
        if self._kind == _INFINITE or exp._kind == _INFINITE:
            if self._kind == exp._kind:
                return self
            return _done(context, _invalid(conditions), conditions)
        target = exp._exp
        if not context.Etiny() <= target <= context._Emax:
            return _done(context, _invalid(conditions), conditions)
        coeff = self._coeff
        inexact = False
        if self._exp >= target:
            if coeff and _ndigits(coeff) + self._exp - target > \
                    context._prec:
                return _done(context, _invalid(conditions), conditions)
            coeff *= _pow10(self._exp - target)
        else:
            coeff, inexact = _dm.drop_digits(coeff, target - self._exp,
                                             self._sign, rounding)
        if coeff and _ndigits(coeff) > context._prec:
            return _done(context, _invalid(conditions), conditions)
        if self._coeff and self._exp < target:
            conditions.append(Rounded)
            if inexact:
                conditions.append(Inexact)
        if coeff and target + _ndigits(coeff) - 1 < context._Emin:
            conditions.append(Subnormal)
            if Inexact in conditions:
                conditions.append(Underflow)
        return _done(context, _new(self._sign, coeff, target), conditions)

    def _to_integral(self, rounding, context, exact):
        context = _context_of(context)
        if rounding is None:
            rounding = context._rounding
        if self._kind != _FINITE:
            return self._round_to(context) if self._kind == _SNAN \
                else (_nan_from(self) if self._kind == _QNAN else self)
        if self._exp >= 0:
            return self
        coeff, inexact = _dm.drop_digits(self._coeff, -self._exp,
                                         self._sign, rounding)
        conditions = []
        if exact and self._coeff:
            conditions.append(Rounded)
            if inexact:
                conditions.append(Inexact)
        return _done(context, _new(self._sign, coeff, 0), conditions)

    def to_integral_value(self, rounding=None, context=None):
        """Rounded to an integer (exponent 0 or more), without flags."""
        return self._to_integral(rounding, context, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        """Like to_integral_value(), but flags Inexact and Rounded."""
        return self._to_integral(rounding, context, True)

    def normalize(self, context=None):
        """Rounded to the context, then with trailing zeros removed."""
        context = _context_of(context)
        result = self._round_to(context)
        if result._kind != _FINITE:
            return result
        if result._coeff == 0:
            return _new(result._sign, 0, 0)
        coeff, exp = result._coeff, result._exp
        top = context._Emax - context._prec + 1 if context._clamp \
            else context._Emax
        while coeff % 10 == 0 and exp < top:
            coeff //= 10
            exp += 1
        return _new(result._sign, coeff, exp)

    def scaleb(self, other, context=None):
        """This value with [other] (an integer) added to its exponent."""
        context = _context_of(context)
        other = _method_operand(other)
        conditions = []
        nan = Decimal._nan_result(conditions, self, other)
        if nan is not None:
            return _done(context, nan, conditions)
        if other._kind != _FINITE or other._exp != 0:
            return _done(context, _invalid(conditions), conditions)
        if self._kind == _INFINITE:
            return self
        shift = -other._coeff if other._sign else other._coeff
        result = _fit(self._sign, self._coeff, self._exp + shift, context,
                      conditions)
        return _done(context, result, conditions)

    def logb(self, context=None):
        """The adjusted exponent as a Decimal."""
        context = _context_of(context)
        conditions = []
        nan = Decimal._nan_result(conditions, self)
        if nan is not None:
            return _done(context, nan, conditions)
        if self._kind == _INFINITE:
            return _new(0, 0, 0, _INFINITE)
        if self._coeff == 0:
            conditions.append(DivisionByZero)
            return _done(context, _new(1, 0, 0, _INFINITE), conditions)
        return Decimal(self._adjusted())._round_to(context)

    def next_plus(self, context=None):
        """The smallest representable number larger than this one."""
        return _step(self, context, 0)

    def next_minus(self, context=None):
        """The largest representable number smaller than this one."""
        return _step(self, context, 1)

    def next_toward(self, other, context=None):
        """The neighbour of this value in the direction of [other]."""
        context = _context_of(context)
        other = _method_operand(other)
        conditions = []
        nan = Decimal._nan_result(conditions, self, other)
        if nan is not None:
            return _done(context, nan, conditions)
        order = self._cmp(other)
        if order == 0:
            return self.copy_sign(other)
        result = _step(self, context, 0 if order < 0 else 1)
        if result._kind == _INFINITE:
            conditions.extend((Overflow, Inexact, Rounded))
        elif result._kind == _FINITE and result.adjusted() < context._Emin:
            conditions.extend((Underflow, Subnormal, Inexact, Rounded))
            if result._coeff == 0:
                conditions.append(Clamped)
        return _done(context, result, conditions)

    # -- multiply-add and the functions of _decimal_math ---------------------

    def fma(self, other, third, context=None):
        """self*other + third with only one rounding."""
        context = _context_of(context)
        other = _method_operand(other)
        third = _method_operand(third)
        conditions = []
        if self._kind == _SNAN or other._kind == _SNAN or \
                third._kind == _SNAN:
            nan = Decimal._nan_result(conditions, self, other, third)
            return _done(context, nan, conditions)
        nan = Decimal._nan_result(conditions, self, other)
        if nan is not None:
            return nan
        if self._kind == _INFINITE or other._kind == _INFINITE:
            if not self or not other:
                return _done(context, _invalid(conditions), conditions)
            product = _new(self._sign ^ other._sign, 0, 0, _INFINITE)
        else:
            product = _new(self._sign ^ other._sign,
                           self._coeff * other._coeff,
                           self._exp + other._exp)
        return product._add(third, context)

    def sqrt(self, context=None):
        """The square root, correctly rounded (half-even)."""
        context = _context_of(context)
        conditions = []
        nan = Decimal._nan_result(conditions, self)
        if nan is not None:
            return _done(context, nan, conditions)
        if self._kind == _FINITE and self._coeff == 0:
            result = _fit(self._sign, 0, self._exp // 2, context,
                          conditions)
            return _done(context, result, conditions)
        if self._sign:
            return _done(context, _invalid(conditions), conditions)
        if self._kind == _INFINITE:
            return self
        coeff, exp, _ = _dm.sqrt_digits(self._coeff, self._exp,
                                        context._prec)
        result = _fit(0, coeff, exp, context, conditions, ROUND_HALF_EVEN)
        return _done(context, result, conditions)

    def exp(self, context=None):
        """e ** self, correctly rounded (half-even)."""
        context = _context_of(context)
        conditions = []
        nan = Decimal._nan_result(conditions, self)
        if nan is not None:
            return _done(context, nan, conditions)
        if self._kind == _INFINITE:
            return _new(0, 0, 0) if self._sign else self
        if self._coeff == 0:
            return _new(0, 1, 0)
        prec = context._prec
        adjusted = self._adjusted()
        # Results that overflow or underflow whatever the digits are: any
        # argument of magnitude 10**(digits of Emax + 1) or more.
        limit = _ndigits(max(context._Emax, -context.Etiny()) + prec) + 1
        if adjusted > limit:
            if self._sign:
                coeff, exp = 1, context.Etiny() - 3
            else:
                coeff, exp = 1, context._Emax + 1
        elif adjusted < -(prec + 2):
            # |x| below one part in 10**(prec+2): the result is 1 +- x up
            # to far more digits than asked for.
            exp = -(prec + 4)
            one = _pow10(prec + 4)
            coeff = one - 1 if self._sign else one + 1
        else:
            coeff, exp = _dm.exp_rounded(self._coeff, self._exp,
                                         bool(self._sign), prec)
        result = _fit(0, coeff, exp, context, conditions, ROUND_HALF_EVEN)
        if Inexact not in conditions:
            conditions.extend((Inexact, Rounded))
        return _done(context, result, conditions)

    def _log_special(self, context, conditions):
        """The result of ln/log10 for NaN, infinite, zero or negative
        arguments, or None for a positive finite one."""
        nan = Decimal._nan_result(conditions, self)
        if nan is not None:
            return nan
        if self._kind == _FINITE and self._coeff == 0:
            return _new(1, 0, 0, _INFINITE)
        if self._sign:
            return _invalid(conditions)
        if self._kind == _INFINITE:
            return self
        return None

    def ln(self, context=None):
        """The natural logarithm, correctly rounded (half-even)."""
        context = _context_of(context)
        conditions = []
        special = self._log_special(context, conditions)
        if special is not None:
            return _done(context, special, conditions)
        if self._cmp(_ONE) == 0:
            return _new(0, 0, 0)
        coeff, exp, negative = _dm.ln_rounded(self._coeff, self._exp,
                                              context._prec)
        result = _fit(int(negative), coeff, exp, context, conditions,
                      ROUND_HALF_EVEN)
        return _done(context, result, conditions)

    def log10(self, context=None):
        """The base-ten logarithm, correctly rounded; exact for powers of
        ten."""
        context = _context_of(context)
        conditions = []
        special = self._log_special(context, conditions)
        if special is not None:
            return _done(context, special, conditions)
        coeff = self._coeff
        zeros = _dm.trailing_zeros(coeff, _ndigits(coeff))
        if coeff // _pow10(zeros) == 1:
            return Decimal(self._exp + zeros)._round_to(context)
        coeff, exp, negative = _dm.log10_rounded(self._coeff, self._exp,
                                                 context._prec)
        result = _fit(int(negative), coeff, exp, context, conditions,
                      ROUND_HALF_EVEN)
        return _done(context, result, conditions)

    # -- digit-wise operations -----------------------------------------------

    def _logical_digits(self, context):
        if self._kind != _FINITE or self._sign or self._exp != 0 or \
                any(d not in '01' for d in str(self._coeff)):
            return None
        return str(self._coeff).rjust(context._prec, '0')[-context._prec:]

    def _logical(self, other, context, rule):
        context = _context_of(context)
        other = _method_operand(other)
        a = self._logical_digits(context)
        b = other._logical_digits(context)
        if a is None or b is None:
            return _done(context, _invalid([]), [InvalidOperation])
        digits = ''.join(rule(x, y) for x, y in zip(a, b))
        return Decimal(int(digits))

    def logical_and(self, other, context=None):
        return self._logical(other, context,
                             lambda x, y: '1' if x == y == '1' else '0')

    def logical_or(self, other, context=None):
        return self._logical(other, context,
                             lambda x, y: '1' if '1' in (x, y) else '0')

    def logical_xor(self, other, context=None):
        return self._logical(other, context,
                             lambda x, y: '1' if x != y else '0')

    def logical_invert(self, context=None):
        context = _context_of(context)
        return self._logical(_new(0, int('1' * context._prec), 0), context,
                             lambda x, y: '1' if x != y else '0')

    def _digit_move(self, other, context, rotate):
        context = _context_of(context)
        other = _method_operand(other)
        conditions = []
        nan = Decimal._nan_result(conditions, self, other)
        if nan is not None:
            return _done(context, nan, conditions)
        prec = context._prec
        if other._kind != _FINITE or other._exp != 0 or \
                other._coeff > prec:
            return _done(context, _invalid(conditions), conditions)
        if self._kind == _INFINITE:
            return self
        amount = -other._coeff if other._sign else other._coeff
        digits = str(self._coeff).rjust(prec, '0')[-prec:]
        if rotate:
            amount %= prec
            digits = digits[amount:] + digits[:amount]
        elif amount >= 0:
            digits = (digits + '0' * amount)[-prec:]
        else:
            digits = ('0' * -amount + digits)[:prec]
        return _new(self._sign, int(digits), self._exp)

    def shift(self, other, context=None):
        """The coefficient shifted by [other] digits (zeros come in)."""
        return self._digit_move(other, context, False)

    def rotate(self, other, context=None):
        """The coefficient's digits rotated by [other] places."""
        return self._digit_move(other, context, True)

    # -- pickling and copying ------------------------------------------------

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ONE = _new(0, 1, 0)
_TOTAL_RANK = {_FINITE: 1, _INFINITE: 2, _SNAN: 3, _QNAN: 4}


def _type_name(value):
    # CPython's C type is named 'decimal.Decimal' in operator errors.
    return 'decimal.Decimal' if type(value) is Decimal \
        else type(value).__name__


def _refuse(symbol, left, right, reflected):
    """Raise CPython's TypeError for an operand that cannot take part.

    Only for operand types that will not step in themselves (float, None,
    Fraction, and on the right of a forward operator the containers and
    str): other
    types may still implement the reflected operation, so for them the
    operator returns NotImplemented as usual."""
    foreign = left if reflected else right
    refuse = isinstance(foreign, (float, complex, type(None))) or \
        isinstance(foreign, _numbers.Rational)     # Fraction declines too
    if not reflected and symbol != '*' and isinstance(
            foreign, (str, bytes, list, tuple, dict, set, frozenset)):
        refuse = True
    if refuse:
        raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                        % (symbol, _type_name(left), _type_name(right)))


def _operator_pair(symbol, method):
    """The forward and reflected special methods of one operator."""
    def forward(self, other):
        converted = _convert(other)
        if converted is NotImplemented:
            _refuse(symbol, self, other, False)
            return converted
        return getattr(self, method)(converted, getcontext())

    def reflected(self, other):
        converted = _convert(other)
        if converted is NotImplemented:
            _refuse(symbol, other, self, True)
            return converted
        return getattr(converted, method)(self, getcontext())
    return forward, reflected


for _name, _symbol, _method in (('add', '+', '_add'),
                                ('sub', '-', '_subtract'),
                                ('mul', '*', '_multiply'),
                                ('truediv', '/', '_divide'),
                                ('floordiv', '//', '_divide_int'),
                                ('mod', '%', '_remainder'),
                                ('divmod', 'divmod()', '_divmod')):
    _forward, _reflected = _operator_pair(_symbol, _method)
    _forward.__name__ = '__%s__' % _name
    _reflected.__name__ = '__r%s__' % _name
    setattr(Decimal, '__%s__' % _name, _forward)
    setattr(Decimal, '__r%s__' % _name, _reflected)
_numbers.Number.register(Decimal)


def _shrink_far_operand(a_exp, b_exp, a_coeff, b_coeff, prec):
    """Replace an addend far below the other's last kept digit by a tiny
    stand-in of the same sign: only its sign and non-zeroness can affect
    the rounded sum, and aligning it exactly could need a huge int."""
    a_adj = a_exp + _ndigits(a_coeff) - 1
    b_adj = b_exp + _ndigits(b_coeff) - 1
    if a_adj >= b_adj:
        floor = min(a_exp, a_adj - prec - 1) - 2
        if b_adj < floor:
            return a_exp, floor - 1, a_coeff, 1
    else:
        floor = min(b_exp, b_adj - prec - 1) - 2
        if a_adj < floor:
            return floor - 1, b_exp, 1, b_coeff
    return a_exp, b_exp, a_coeff, b_coeff


def _step(value, context, downwards):
    """next_plus (downwards=0) or next_minus (1) of [value]."""
    context = _context_of(context)
    conditions = []
    nan = Decimal._nan_result(conditions, value)
    if nan is not None:
        return _done(context, nan, conditions)
    prec = context._prec
    etiny = context.Etiny()
    if value._kind == _INFINITE:
        if value._sign == downwards:
            return value
        return _new(value._sign, _pow10(prec) - 1, context._Emax - prec + 1)
    # Add or subtract a quantity far below the last digit and round in the
    # matching direction (in a trap-free copy): that lands exactly on the
    # neighbour.
    tiny_exp = min(value._exp if value._coeff else etiny, etiny) - 2
    if value._coeff:
        tiny_exp = min(tiny_exp, value._adjusted() - prec - 2)
    quiet = context.copy()
    quiet.clear_traps()
    quiet._rounding = ROUND_FLOOR if downwards else ROUND_CEILING
    return value._add(_new(downwards, 1, tiny_exp), quiet)


_decimal_context._Decimal = Decimal

# Last, as it takes names from this module (see its design notes).
import _decimal_power  # noqa: E402
_decimal_power.bind(globals())
