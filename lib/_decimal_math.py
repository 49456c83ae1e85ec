"""Integer kernels behind the decimal module.

Design notes
------------
Every function here works on plain Python ints and knows nothing about
Decimal objects, contexts or signals.  A finite decimal number is handled
as the pair (coefficient, exponent) meaning coefficient * 10**exponent,
with the sign kept apart by the caller.  Keeping this layer free of the
Decimal class lets decimal.py stay about semantics (special values, flags,
ideal exponents) while the numerical work lives here, and it avoids an
import cycle between the two files.

The transcendental functions (exp, ln, log10) are correctly rounded with a
Ziv-style loop: a fixed-point approximation is computed with some guard
digits, together with a bound on its error; if rounding the lower and the
upper end of the error interval to the target precision gives the same
answer, that answer is the correctly rounded one.  Otherwise the guard is
widened and the work is repeated.  Because exp, ln and log10 of a decimal
are transcendental except at a handful of points that the callers treat
separately, the loop always ends.

The fixed-point routines keep a value v as the integer round(v * 10**w);
"scale w" below means exactly that.
"""

import math as _math

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

# Powers of ten are needed constantly with small exponents; a short table
# saves recomputing them, and large ones are built on demand.
_POW10 = [10 ** k for k in range(64)]


def pow10(k):
    """10**k for k >= 0, from the table when it is small."""
    if k < 64:
        return _POW10[k]
    return 10 ** k


def ndigits(n):
    """Number of decimal digits of the non-negative int [n] (1 for 0).

    str() is exact and quick for ordinary sizes, but it refuses ints past
    the interpreter's digit limit, so very large values are measured from
    their bit length and then corrected against a power of ten."""
    if n < 10:
        return 1
    bits = n.bit_length()
    if bits < 13000:
        return len(str(n))
    # 30103/100000 is just above log10(2), so this guess is never too low
    # by more than one and may be a little high; walk it into place.
    guess = (bits - 1) * 30103 // 100000 + 1
    while guess > 1 and n < pow10(guess - 1):
        guess -= 1
    while n >= pow10(guess):
        guess += 1
    return guess


def trailing_zeros(n, limit):
    """How many (at most [limit]) trailing decimal zeros [n] > 0 has."""
    count = 0
    while count < limit and n % 10 == 0:
        n //= 10
        count += 1
    return count


def round_away(kept, half_cmp, sign, rounding):
    """Whether dropping a non-zero tail must bump [kept] by one.

    [half_cmp] compares the dropped tail with half a unit of the last kept
    digit (-1, 0 or 1); [kept] is the truncated coefficient, whose parity
    and last digit some modes look at."""
    if rounding == ROUND_HALF_EVEN:
        return half_cmp > 0 or (half_cmp == 0 and kept & 1 == 1)
    if rounding == ROUND_HALF_UP:
        return half_cmp >= 0
    if rounding == ROUND_HALF_DOWN:
        return half_cmp > 0
    if rounding == ROUND_DOWN:
        return False
    if rounding == ROUND_UP:
        return True
    if rounding == ROUND_CEILING:
        return sign == 0
    if rounding == ROUND_FLOOR:
        return sign == 1
    # ROUND_05UP: away from zero only when the kept last digit is 0 or 5,
    # so that a later re-rounding cannot go wrong.
    return kept % 5 == 0


def drop_digits(coeff, drop, sign, rounding):
    """Remove the last [drop] > 0 digits of [coeff] under [rounding].

    Returns (new_coefficient, inexact).  The new coefficient may have one
    digit more than expected when rounding carried (999 -> 1000)."""
    if coeff == 0:
        return 0, False
    if drop > ndigits(coeff):
        # Everything goes and the tail is below half a unit, which spares
        # building a huge power of ten.
        kept = 0
        half_cmp = -1
    else:
        unit = pow10(drop)
        kept, rest = divmod(coeff, unit)
        if rest == 0:
            return kept, False
        twice = rest * 2
        half_cmp = (twice > unit) - (twice < unit)
    if round_away(kept, half_cmp, sign, rounding):
        kept += 1
    return kept, True


def round_to_digits(coeff, exp, digits, sign, rounding):
    """Round coeff*10**exp to at most [digits] significant digits.

    Returns (coefficient, exponent, inexact); the exponent is only raised,
    never lowered, so an already short coefficient is returned unchanged."""
    n = ndigits(coeff)
    if n <= digits:
        return coeff, exp, False
    drop = n - digits
    coeff, inexact = drop_digits(coeff, drop, sign, rounding)
    exp += drop
    if coeff == pow10(digits):
        coeff //= 10
        exp += 1
    return coeff, exp, inexact


def sticky(coeff):
    """Mark a truncated coefficient as 'a little more than this'.

    A last digit of 0 or 5 would be ambiguous for half-way rounding, so it
    is nudged to 1 or 6; any other last digit already says 'inexact'."""
    if coeff % 5 == 0:
        return coeff + 1
    return coeff


# ---------------------------------------------------------------------------
# Fixed-point constants.

_constant_cache = {}


def _atanh_inverse(k, one):
    """atanh(1/k) at the scale given by [one] (a power of ten)."""
    total = 0
    power = one // k
    square = k * k
    divisor = 1
    while power:
        total += power // divisor
        power //= square
        divisor += 2
    return total


def ln2_fixed(w):
    """ln(2) at scale [w], with a few units of error at most."""
    key = ('ln2', w)
    value = _constant_cache.get(key)
    if value is None:
        one = pow10(w + 10)
        value = (2 * _atanh_inverse(3, one)) // pow10(10)
        _constant_cache[key] = value
    return value


def ln10_fixed(w):
    """ln(10) at scale [w]: 3*ln(2) + ln(5/4), both from atanh series."""
    key = ('ln10', w)
    value = _constant_cache.get(key)
    if value is None:
        one = pow10(w + 10)
        ln2 = 2 * _atanh_inverse(3, one)
        value = (3 * ln2 + 2 * _atanh_inverse(9, one)) // pow10(10)
        _constant_cache[key] = value
    return value


# ---------------------------------------------------------------------------
# Fixed-point ln and exp.

def _ln_near_one(f, w):
    """ln(f / 10**w) at scale [w] for f/10**w in about [0.75, 1.5].

    Uses ln(f) = 2*atanh(z) with z = (f-1)/(f+1), |z| <= 0.2; the series
    is summed on |z| so that floor division never creeps towards -1."""
    one = pow10(w)
    num = f - one
    negative = num < 0
    z = abs(num) * one // (f + one)
    z2 = z * z // one
    term = z
    total = 0
    divisor = 1
    while term:
        total += term // divisor
        term = term * z2 // one
        divisor += 2
    total *= 2
    return -total if negative else total


def ln_fixed(coeff, exp, w):
    """ln(coeff * 10**exp) at scale [w] for coeff > 0; error a few units."""
    n = ndigits(coeff)
    shift = exp + n           # value = m * 10**shift, m in [0.1, 1)
    extra = ndigits(abs(shift)) + 6
    wp = w + extra
    # m at scale wp, truncated when the coefficient is longer than that.
    if n <= wp:
        m = coeff * pow10(wp - n)
    else:
        m = coeff // pow10(n - wp)
    # Bring m into [0.75, 1.5) with a power of two; m >= 0.1 needs <= 3.
    one = pow10(wp)
    doublings = 0
    while m * 4 < one * 3:
        m *= 2
        doublings += 1
    result = _ln_near_one(m, wp)
    result -= doublings * ln2_fixed(wp)
    result += shift * ln10_fixed(wp)
    return result // pow10(extra)


def _exp_small(r, w):
    """exp(r / 10**w) at scale [w] for 0 <= r/10**w < 2.31."""
    one = pow10(w)
    halvings = 8
    guard = 6
    wp = w + guard
    x = (r * pow10(guard)) >> halvings
    onep = pow10(wp)
    total = onep
    term = onep
    k = 1
    while term:
        term = term * x // (onep * k)
        total += term
        k += 1
    for _ in range(halvings):
        total = total * total // onep
    return total // pow10(guard)


def exp_fixed(coeff, exp, negative, w):
    """exp(+-coeff*10**exp) as (mantissa, power): mantissa at scale [w]
    lies in [1, 10) and the value is mantissa * 10**(power - w).

    The caller keeps |value| moderate (below a few million), since the
    power of ten split off is an ordinary int."""
    n = ndigits(coeff)
    int_digits = max(0, n + exp)
    wp = w + int_digits + 8
    if exp + wp >= 0:
        x = coeff * pow10(exp + wp)
    else:
        x = coeff // pow10(-(exp + wp))
    if negative:
        x = -x
    ln10 = ln10_fixed(wp)
    power = x // ln10                 # floor, so the rest is >= 0
    rest = x - power * ln10
    mantissa = _exp_small(rest, wp)
    return mantissa // pow10(wp - w), power


# ---------------------------------------------------------------------------
# Correct rounding.

def _nearest(value, scale_exp, prec, rounding):
    """Round the positive value*10**scale_exp to [prec] digits."""
    c, e, _ = round_to_digits(value, scale_exp, prec, 0, rounding)
    return c, e


def correctly_rounded(approx, prec, start, rounding=ROUND_HALF_EVEN):
    """Ziv's loop around approx(w) -> (value, scale_exp, error).

    [approx] returns an integer estimate whose true value lies within
    [error] units of value*10**scale_exp.  The loop returns
    (coefficient, exponent, negative) rounded half-even to [prec] digits,
    with a coefficient that still carries a sticky digit beyond [prec] so
    that a later subnormal re-rounding by the caller stays honest."""
    w = start
    while True:
        value, scale_exp, error = approx(w)
        negative = value < 0
        magnitude = abs(value)
        if magnitude <= error * 10 ** 4 or ndigits(magnitude) < prec + 6:
            # Too few significant digits for this target; widen by the
            # deficit (a value near zero needs a deeper fixed point).
            missing = prec + 8 - ndigits(max(magnitude, 1))
            w += max(missing, 8)
            continue
        # The sign does not matter to the modes used here: CEILING and
        # FLOOR are mapped to UP and DOWN by the caller.
        low = _nearest(magnitude - error, scale_exp, prec, rounding)
        high = _nearest(magnitude + error, scale_exp, prec, rounding)
        if low == high:
            # Keep two extra digits plus a sticky one; the exact value is
            # not representable, so the tail is never really zero.
            keep = prec + 2
            c, e, _ = round_to_digits(magnitude, scale_exp, keep + 1, 0,
                                      ROUND_DOWN)
            return sticky(c), e, negative
        if w > 4 * prec + 200:
            # Only a result lying exactly on a rounding boundary (a power
            # such as 4**0.5, or 2.25**0.5 at one digit) gets here: take
            # the representable value the estimate sits on.
            c, e, _ = round_to_digits(magnitude, scale_exp, prec + 3, 0,
                                      ROUND_HALF_EVEN)
            return c, e, negative
        w += w // 2 + 10


def ln_rounded(coeff, exp, prec):
    """ln(coeff*10**exp) for a positive value other than 1."""
    def approx(w):
        return ln_fixed(coeff, exp, w), -w, 64
    return correctly_rounded(approx, prec, prec + 10)


def log10_rounded(coeff, exp, prec):
    """log10(coeff*10**exp) for a positive value that is no power of 10."""
    def approx(w):
        wp = w + 6
        ln_value = ln_fixed(coeff, exp, wp)
        quotient = ln_value * pow10(wp) // ln10_fixed(wp)
        return quotient // pow10(6), -w, 64
    return correctly_rounded(approx, prec, prec + 10)


def exp_rounded(coeff, exp, negative, prec):
    """exp(+-coeff*10**exp) for a non-zero argument of moderate size."""
    def approx(w):
        mantissa, power = exp_fixed(coeff, exp, negative, w)
        return mantissa, power - w, 64
    c, e, _ = correctly_rounded(approx, prec, prec + 10)
    return c, e


def power_rounded(base_coeff, base_exp, y_coeff, y_exp, y_negative, prec,
                  rounding):
    """x**y = exp(y*ln(x)) for x > 0 and any finite y, correctly rounded
    in all but astronomically unlucky cases.  Returns (coeff, exp) or None
    when the result is too large or too small to compute directly (the
    caller then reports overflow or underflow from the sign of y*ln(x))."""
    def approx(w):
        # y*ln(x) at scale w + guard, then its exponential.
        guard = ndigits(y_coeff) + 8
        wl = w + guard + max(0, ndigits(y_coeff) + y_exp)
        lnx = ln_fixed(base_coeff, base_exp, wl)
        prod = lnx * y_coeff
        if y_exp >= 0:
            prod *= pow10(y_exp)
            scale = wl
        else:
            scale = wl - y_exp
        if y_negative:
            prod = -prod
        neg = prod < 0
        mantissa, power = exp_fixed(abs(prod), -scale, neg, w)
        return mantissa, power - w, 64
    # x**y is positive here, so the directed modes reduce to UP and DOWN.
    if rounding == ROUND_CEILING:
        rounding = ROUND_UP
    elif rounding == ROUND_FLOOR:
        rounding = ROUND_DOWN
    c, e, _ = correctly_rounded(approx, prec, prec + 10, rounding)
    return c, e


def log_magnitude(coeff, exp):
    """A rough float estimate of ln(coeff*10**exp), for range checks."""
    n = ndigits(coeff)
    lead = coeff // pow10(n - 17) if n > 17 else coeff
    lead_digits = min(n, 17)
    return _math.log(lead) + (exp + n - lead_digits) * 2.302585092994046


def sqrt_digits(coeff, exp, prec):
    """sqrt(coeff*10**exp) for coeff > 0 as (coeff, exp, exact).

    The ideal exponent is floor(exp/2).  An exact root is brought as close
    to it as trailing zeros allow; an inexact one carries a sticky digit
    beyond [prec] so the caller's half-even rounding is correct."""
    ideal = exp // 2
    if exp % 2:
        coeff *= 10
        exp -= 1
    n = ndigits(coeff)
    shift = max(0, prec + 2 - (n + 1) // 2)
    scaled = coeff * pow10(2 * shift)
    root = _math.isqrt(scaled)
    result_exp = exp // 2 - shift
    if root * root == scaled:
        while result_exp < ideal and root % 10 == 0:
            root //= 10
            result_exp += 1
        return root, result_exp, True
    return sticky(root * 10), result_exp - 1, False
