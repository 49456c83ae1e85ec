"""Exact rational numbers: the Fraction type.

Design notes
------------
A Fraction is a pair of ints kept in lowest terms with a positive
denominator, so two equal values always have identical fields: equality is
a field comparison and the hash can be computed from the fields alone.  The
pair is stored in two slots and never changes after construction.

Construction accepts one value (an int, any numbers.Rational, a float, a
string such as "-3/4", "1.25e-3" or " 7 ") or a numerator/denominator pair
of Rationals.  Floats convert exactly through float.as_integer_ratio(), so
Fraction(0.1) is the binary value of 0.1, not 1/10; limit_denominator() is
the way back to a "nice" fraction.  The string grammar is checked by a small
hand-written scanner (_parse_literal) rather than a regular expression so
that importing fractions does not pull in re.

Mixed arithmetic follows the numeric tower.  With an int or another
Fraction the result is an exact Fraction; with a float the Fraction is
turned into a float first; with a complex, into a complex.  The reflected
operators accept any numbers.Rational exactly and fall back to float or
complex for other Real or Complex types.  Each operator is built once by
_mixed_ops() from one exact function on (numerator, denominator) pairs and
the name of the float/complex fallback, so that the dispatch rules live in
one place.

Hashing must agree with int and float for equal values (hash(Fraction(1, 2))
== hash(0.5)).  Python hashes a rational p/q as p * q**-1 modulo the prime
sys.hash_info.modulus, with the inverse taken in that field; when q is a
multiple of the modulus there is no inverse and the value hashes as
infinity would.  The hash of the absolute value is computed and the sign
applied afterwards, and -1 (reserved for errors in C) becomes -2.
"""

import math
import numbers
import operator
import sys

__all__ = ['Fraction']

_HASH_MODULUS = sys.hash_info.modulus
_HASH_INF = sys.hash_info.inf


def _is_digits(text):
    """True if [text] is one or more digits, optionally grouped by single
    underscores (no leading, trailing or doubled underscore)."""
    if not text:
        return False
    for group in text.split('_'):
        if not group or not (group.isascii() and group.isdigit()):
            return False
    return True


def _parse_literal(text):
    """Return (numerator, denominator) for a Fraction string, or None.

    The accepted forms are an optional sign followed by either "N/D" or a
    decimal number "N", "N.", ".F" or "N.F" with an optional exponent, all
    surrounded by optional whitespace.  The denominator may be zero here;
    the caller reports that as a division by zero.
    """
    body = text.strip()
    negative = False
    if body[:1] in ('+', '-'):
        negative = body[0] == '-'
        body = body[1:]
    if '/' in body:
        top, _, bottom = body.partition('/')
        if not (_is_digits(top) and _is_digits(bottom)):
            return None
        num, den = int(top), int(bottom)
    else:
        mantissa, exponent = body, None
        for marker in ('e', 'E'):
            if marker in mantissa:
                mantissa, _, exponent = mantissa.partition(marker)
                break
        whole, dot, part = mantissa.partition('.')
        # At least one digit must come before the exponent, and the empty
        # pieces around the point must really be empty, not malformed.
        if not whole and not part:
            return None
        if whole and not _is_digits(whole):
            return None
        if part and not _is_digits(part):
            return None
        num = int(whole) if whole else 0
        den = 1
        if part:
            digits = part.replace('_', '')
            den = 10 ** len(digits)
            num = num * den + int(digits)
        if exponent is not None:
            sign = exponent[:1]
            magnitude = exponent[1:] if sign in ('+', '-') else exponent
            if not _is_digits(magnitude):
                return None
            power = int(magnitude)
            if sign == '-':
                den *= 10 ** power
            else:
                num *= 10 ** power
    if negative:
        num = -num
    return num, den


def _reduced(num, den):
    """[num]/[den] in lowest terms with a positive denominator (den != 0)."""
    common = math.gcd(num, den)
    if den < 0:
        common = -common
    return num // common, den // common


class Fraction(numbers.Rational):
    """An exact ratio of two integers, always kept in lowest terms.

    Fraction(3, -6) == Fraction(-1, 2); Fraction('2.5') == Fraction(5, 2);
    Fraction(0.25) == Fraction(1, 4).  See the module notes for the
    accepted inputs and how mixed arithmetic behaves.
    """

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            num, den = cls._single_value(numerator)
        elif type(numerator) is int and type(denominator) is int:
            num, den = numerator, denominator
        elif (isinstance(numerator, numbers.Rational)
              and isinstance(denominator, numbers.Rational)):
            # (a/b) / (c/d) is (a*d) / (b*c); reduction happens below.
            num = numerator.numerator * denominator.denominator
            den = denominator.numerator * numerator.denominator
        else:
            raise TypeError('both arguments should be '
                            'Rational instances')
        if den == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % num)
        if _normalize:
            num, den = _reduced(num, den)
        self._numerator = num
        self._denominator = den
        return self

    @staticmethod
    def _single_value(value):
        """The (numerator, denominator) pair for a one-argument Fraction()."""
        if type(value) is int:
            return value, 1
        if isinstance(value, numbers.Rational):
            return value.numerator, value.denominator
        if isinstance(value, float):
            # as_integer_ratio() already reports nan and infinity with the
            # messages Fraction(float) is expected to give.
            return value.as_integer_ratio()
        if isinstance(value, str):
            parsed = _parse_literal(value)
            if parsed is None:
                raise ValueError('Invalid literal for Fraction: %r' % value)
            return parsed
        if type(value).__name__ == 'Decimal' and hasattr(value, 'as_integer_ratio'):
            return value.as_integer_ratio()
        raise TypeError('argument should be a string '
                        'or a Rational instance')

    @classmethod
    def from_float(cls, f):
        """The exact value of the float [f] (an int is also accepted)."""
        if isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of a Decimal (an int is also accepted)."""
        if isinstance(dec, numbers.Integral):
            return cls(int(dec))
        if type(dec).__name__ != 'Decimal':
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        """(numerator, denominator), the latter always positive."""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The fraction nearest to self whose denominator is at most
        [max_denominator].

        Fraction('3.141592653589793').limit_denominator(10) == Fraction(22, 7)
        """
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Walk the continued-fraction expansion of self, keeping the last two
        # convergents lo_num/lo_den and hi_num/hi_den, until the next one
        # would have too large a denominator.  The answer is then either the
        # last convergent or the best semiconvergent between the two.
        lo_num, lo_den, hi_num, hi_den = 0, 1, 1, 0
        top, bottom = self._numerator, self._denominator
        while True:
            quotient = top // bottom
            next_den = lo_den + quotient * hi_den
            if next_den > max_denominator:
                break
            lo_num, lo_den, hi_num, hi_den = (
                hi_num, hi_den, lo_num + quotient * hi_num, next_den)
            top, bottom = bottom, top - quotient * bottom
        steps = (max_denominator - lo_den) // hi_den
        semi = Fraction(lo_num + steps * hi_num, lo_den + steps * hi_den)
        convergent = Fraction(hi_num, hi_den)
        # On a tie the convergent, which has the smaller denominator, wins.
        if abs(convergent - self) <= abs(semi - self):
            return convergent
        return semi

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # Exact arithmetic on two Fractions.  Each takes and returns plain
    # Fractions; _mixed_ops() wraps them with the numeric-tower dispatch.

    def _add(a, b):
        return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def _sub(a, b):
        return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                        a._denominator * b._denominator)

    def _mul(a, b):
        return Fraction(a._numerator * b._numerator,
                        a._denominator * b._denominator)

    def _div(a, b):
        if b._numerator == 0:
            # CPython names the sign of the dividend in this message.
            sign = (a._numerator > 0) - (a._numerator < 0)
            raise ZeroDivisionError('Fraction(%d, 0)' % sign)
        return Fraction(a._numerator * b._denominator,
                        a._denominator * b._numerator)

    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def _divmod(a, b):
        # With both sides over the common denominator a.den * b.den, the
        # quotient and remainder are those of the two scaled numerators.
        shared = a._denominator * b._denominator
        whole, left = divmod(a._numerator * b._denominator,
                             a._denominator * b._numerator)
        return whole, Fraction(left, shared)

    def _mod(a, b):
        shared = a._denominator * b._denominator
        return Fraction((a._numerator * b._denominator) % (b._numerator * a._denominator),
                        shared)

    def _mixed_ops(exact, fallback):
        """Build the forward and reflected methods for one binary operator.

        [exact] works on two Fractions; [fallback] (an operator module
        function) is applied once both sides have been turned into floats
        or complexes.
        """
        def forward(a, b):
            if isinstance(b, Fraction):
                return exact(a, b)
            if isinstance(b, int):
                return exact(a, Fraction(b))
            if isinstance(b, float):
                return fallback(float(a), b)
            if isinstance(b, complex):
                return fallback(complex(a), b)
            return NotImplemented

        def reflected(b, a):
            if isinstance(a, numbers.Rational):
                return exact(Fraction(a), b)
            if isinstance(a, numbers.Real):
                return fallback(float(a), float(b))
            if isinstance(a, numbers.Complex):
                return fallback(complex(a), complex(b))
            return NotImplemented

        name = fallback.__name__.strip('_')
        forward.__name__ = '__%s__' % name
        reflected.__name__ = '__r%s__' % name
        return forward, reflected

    __add__, __radd__ = _mixed_ops(_add, operator.add)
    __sub__, __rsub__ = _mixed_ops(_sub, operator.sub)
    __mul__, __rmul__ = _mixed_ops(_mul, operator.mul)
    __truediv__, __rtruediv__ = _mixed_ops(_div, operator.truediv)
    __floordiv__, __rfloordiv__ = _mixed_ops(_floordiv, operator.floordiv)
    __divmod__, __rdivmod__ = _mixed_ops(_divmod, divmod)
    __mod__, __rmod__ = _mixed_ops(_mod, operator.mod)
    del _mixed_ops

    def __pow__(self, exponent):
        """self ** exponent: exact when exponent is a whole number, a float
        otherwise."""
        if isinstance(exponent, numbers.Rational):
            if exponent.denominator != 1:
                return float(self) ** float(exponent)
            n = exponent.numerator
            top, bottom = self._numerator, self._denominator
            if n < 0:
                # A negative power inverts the fraction; the sign of the old
                # numerator moves to the new one.
                if top == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % (bottom ** -n))
                top, bottom, n = bottom, top, -n
                if bottom < 0:
                    top, bottom = -top, -bottom
            # Powers of a reduced fraction are already reduced.
            return Fraction(top ** n, bottom ** n, _normalize=False)
        if isinstance(exponent, (float, complex)):
            return float(self) ** exponent
        return NotImplemented

    def __rpow__(self, base):
        """base ** self where base is not a Fraction."""
        top, bottom = self._numerator, self._denominator
        if bottom == 1 and top >= 0:
            return base ** top
        if isinstance(base, numbers.Rational):
            return Fraction(base.numerator, base.denominator) ** self
        if bottom == 1:
            return base ** top
        return base ** float(self)

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        top = self._numerator
        return Fraction(-top if top < 0 else top, self._denominator,
                        _normalize=False)

    def __int__(self):
        return self.__trunc__()

    def __trunc__(self):
        # Integer division floors; truncation rounds toward zero instead.
        top = self._numerator
        whole = abs(top) // self._denominator
        return -whole if top < 0 else whole

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        # The ceiling is minus the floor of minus the value.
        return -((-self._numerator) // self._denominator)

    def __round__(self, ndigits=None):
        """round(self) is the nearest int, ties to even; round(self, n) is a
        Fraction rounded to n decimal places (n may be negative)."""
        if ndigits is None:
            whole, left = divmod(self._numerator, self._denominator)
            twice = 2 * left
            if twice > self._denominator or (twice == self._denominator
                                             and whole % 2 == 1):
                whole += 1
            return whole
        scale = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * scale), scale)
        return Fraction(round(self / scale) * scale)

    def __hash__(self):
        try:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            # The denominator is a multiple of the modulus: no inverse.
            magnitude = _HASH_INF
        else:
            magnitude = hash(hash(abs(self._numerator)) * inverse)
        result = magnitude if self._numerator >= 0 else -magnitude
        return -2 if result == -1 else result

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return (a._numerator == b.numerator
                    and a._denominator == b.denominator)
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # No Fraction equals a non-finite float.
                return False
            return a == a.from_float(b)
        return NotImplemented

    def _compare(self, other, test):
        """Apply the ordering [test] to self and [other] exactly."""
        if isinstance(other, numbers.Rational):
            return test(self._numerator * other.denominator,
                        self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                # Every Fraction orders like zero against nan and +-inf.
                return test(0.0, other)
            return test(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        return a._compare(b, operator.lt)

    def __gt__(a, b):
        return a._compare(b, operator.gt)

    def __le__(a, b):
        return a._compare(b, operator.le)

    def __ge__(a, b):
        return a._compare(b, operator.ge)

    def __bool__(a):
        return a._numerator != 0

    def __float__(a):
        return a._numerator / a._denominator

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) is Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) is Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
