"""Descriptive statistics: averages, spread and two-variable relations.

Design notes
------------
Averages and spreads are computed exactly and rounded once, at the end.
Every data point is turned into an exact (numerator, denominator) pair
(_as_ratio), the pairs are summed as Fractions, and the final Fraction is
converted to the type the caller would expect (_to_type): a float for float
data, a Fraction for Fraction data, an int for int data when the answer is
whole and a float when it is not.  That is why mean([1, 2, 3, 4]) prints
2.5 and mean([1, 2, 3]) prints 2, and why the float results agree to the
last digit with those of CPython, which follows the same rule.  Partial
sums are grouped by denominator so that a list of floats, whose
denominators are all powers of two, needs very few Fraction additions.

The result type is found by folding _wider_type over the types present:
int (and bool) give way to anything, a subclass to its base's subclass,
and float beats Fraction.  Types with no such relation are an error.

A non-finite float (inf or nan) has no exact ratio; _as_ratio reports it
with the denominator None and the sums then carry that float along
unchanged, so mean([1, inf]) is inf rather than an exception.

Standard deviations take the square root of the exact variance with
_sqrt_ratio, which rounds correctly by computing an integer square root
with a few spare bits and a "sticky" low bit (round-to-odd) before the one
final conversion to float.

fmean, geometric_mean and the two-variable functions (covariance,
correlation, linear_regression) are float computations by definition; they
use math.fsum for the sums, as CPython does.

NormalDist is plain float arithmetic on (mu, sigma).  Its inverse CDF is
Wichura's algorithm AS 241 (PPND16, Applied Statistics 1988): a rational
approximation in three ranges of p, accurate to about 1e-16.  The
polynomials are evaluated by Horner's rule (_horner), coefficient by
coefficient, so the results are the same floats other implementations of
that algorithm produce.
"""

import math
import numbers
import sys
from bisect import bisect_left, bisect_right
from collections import Counter, namedtuple
from fractions import Fraction

__all__ = [
    'NormalDist', 'StatisticsError', 'correlation', 'covariance', 'fmean',
    'geometric_mean', 'harmonic_mean', 'linear_regression', 'mean',
    'median', 'median_grouped', 'median_high', 'median_low', 'mode',
    'multimode', 'pstdev', 'pvariance', 'quantiles', 'stdev', 'variance',
]


class StatisticsError(ValueError):
    pass


# -- exact arithmetic helpers ------------------------------------------------

def _as_ratio(value):
    """(numerator, denominator) of [value] exactly; (value, None) for a
    non-finite float."""
    try:
        return value.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (value, None)
    try:
        return (value.numerator, value.denominator)
    except AttributeError:
        raise TypeError("can't convert type '%s' to numerator/denominator"
                        % type(value).__name__) from None


def _wider_type(current, new):
    """The type that a mix of [current] and [new] values should produce."""
    if current is new or new is int or new is bool:
        return current
    if current is int:
        return new
    if issubclass(new, current):
        return new
    if issubclass(current, new):
        return current
    if issubclass(current, int):
        return new
    if issubclass(new, int):
        return current
    if issubclass(current, Fraction) and issubclass(new, float):
        return new
    if issubclass(current, float) and issubclass(new, Fraction):
        return current
    raise TypeError("don't know how to coerce %s and %s"
                    % (current.__name__, new.__name__))


def _result_type(seen):
    result = int
    for kind in seen:
        result = _wider_type(result, kind)
    return result


def _exact_sum(values):
    """Return (result type, exact total, count) for an iterable of numbers.

    The total is a Fraction, or a float when a non-finite float was seen.
    """
    seen = set()
    by_denominator = {}
    count = 0
    for value in values:
        seen.add(type(value))
        num, den = _as_ratio(value)
        count += 1
        by_denominator[den] = by_denominator.get(den, 0) + num
    if None in by_denominator:
        total = by_denominator[None]
    else:
        total = Fraction(0)
        for den, num in by_denominator.items():
            total += Fraction(num, den)
    return _result_type(seen), total, count


def _to_type(value, kind):
    """Convert the exact [value] to [kind]; a whole-number type gets a float
    instead when the value is not whole."""
    if type(value) is kind:
        return value
    if issubclass(kind, int) and value.denominator != 1:
        kind = float
    try:
        return kind(value)
    except TypeError:
        # Decimal takes no Fraction: divide its two ends in the current
        # decimal context instead.
        if type(value) is Fraction and kind.__name__ == 'Decimal':
            return kind(value.numerator) / kind(value.denominator)
        raise


def _root_of(kind, square):
    """The square root of the exact Fraction [square] as [kind] gives it:
    a Decimal for Decimal data (computed with spare digits, then rounded to
    the context), else a correctly rounded float."""
    if kind.__name__ == 'Decimal' and kind.__module__ == 'decimal':
        import decimal
        with decimal.localcontext() as ctx:
            ctx.prec += 10
            root = (kind(square.numerator) / kind(square.denominator)).sqrt()
        return +root
    return _sqrt_ratio(square.numerator, square.denominator)


def _squared_deviations(data, centre):
    """Return (result type, sum of squared deviations, centre, count).

    With [centre] given, each deviation is computed in the data's own
    arithmetic and the squares are summed exactly.  Without it the sum is
    found exactly from the sums of x and x*x, and the mean is returned as
    the centre.
    """
    if centre is not None:
        kind, total, count = _exact_sum((x - centre) * (x - centre)
                                        for x in data)
        return kind, total, centre, count
    seen = set()
    sum_x = {}
    sum_xx = {}
    count = 0
    for value in data:
        seen.add(type(value))
        num, den = _as_ratio(value)
        count += 1
        sum_x[den] = sum_x.get(den, 0) + num
        sum_xx[den] = sum_xx.get(den, 0) + num * num
    if not count:
        spread = centre = Fraction(0)
    elif None in sum_x:
        spread = centre = sum_x[None]
    else:
        sx = Fraction(0)
        sxx = Fraction(0)
        for den, num in sum_x.items():
            sx += Fraction(num, den)
        for den, num in sum_xx.items():
            sxx += Fraction(num, den * den)
        # sum((x - mean)**2) == sum(x*x) - sum(x)**2 / n, exactly.
        spread = (count * sxx - sx * sx) / count
        centre = sx / count
    return _result_type(seen), spread, centre, count


def _round_to_odd_isqrt(num, den):
    """floor(sqrt(num/den)), with the low bit set if that is inexact."""
    root = math.isqrt(num // den)
    if root * root * den != num:
        root |= 1
    return root


# Enough bits for a float's mantissa plus the two extra bits that make the
# round-to-odd intermediate safe to round again.
_SQRT_BITS = 2 * sys.float_info.mant_dig + 3


def _sqrt_ratio(num, den):
    """The square root of num/den, correctly rounded to a float."""
    shift = (num.bit_length() - den.bit_length() - _SQRT_BITS) // 2
    if shift >= 0:
        root = _round_to_odd_isqrt(num, den << (2 * shift))
        return float(root << shift)
    root = _round_to_odd_isqrt(num << (-2 * shift), den)
    return root / (1 << -shift)


# -- averages -----------------------------------------------------------------

def mean(data):
    """The arithmetic mean of [data], computed exactly.

    mean([1, 2, 3, 4, 4]) == 2.8
    """
    kind, total, count = _exact_sum(data)
    if count < 1:
        raise StatisticsError('mean requires at least one data point')
    return _to_type(total / count, kind)


def fmean(data, weights=None):
    """The mean of [data] as a float, computed with floats (faster than
    mean()); [weights], if given, makes it a weighted mean."""
    try:
        count = len(data)
    except TypeError:
        data = list(data)
        count = len(data)
    if weights is None:
        total = math.fsum(data)
        if not count:
            raise StatisticsError('fmean requires at least one data point')
        return total / count
    try:
        weight_count = len(weights)
    except TypeError:
        weights = list(weights)
        weight_count = len(weights)
    weighted = math.fsum(x * w for x, w in zip(data, weights))
    if count != weight_count:
        raise StatisticsError('data and weights must be the same length')
    weight_total = math.fsum(weights)
    if not weight_total:
        raise StatisticsError('sum of weights must be non-zero')
    return weighted / weight_total


def geometric_mean(data):
    """The geometric mean of positive [data], as a float."""
    try:
        return math.exp(fmean([math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def _no_negatives(values, message):
    for value in values:
        if value < 0:
            raise StatisticsError(message)
        yield value


def harmonic_mean(data, weights=None):
    """The harmonic mean of non-negative [data]: the reciprocal of the mean
    of the reciprocals.  Any zero in the data makes the result 0."""
    negative = 'harmonic mean does not support negative values'
    data = list(data)
    count = len(data)
    if count < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    if count == 1 and weights is None:
        only = data[0]
        if not isinstance(only, numbers.Real) and \
                type(only).__name__ != 'Decimal':
            raise TypeError('unsupported type')
        if only < 0:
            raise StatisticsError(negative)
        return only
    if weights is None:
        weights = [1] * count
        weight_total = count
    else:
        weights = list(weights)
        if len(weights) != count:
            raise StatisticsError('Number of weights does not match data size')
        weight_total = _exact_sum(_no_negatives(weights, negative))[1]
    try:
        kind, total, _ = _exact_sum(w / x if w else 0 for w, x in
                                    zip(weights, _no_negatives(data, negative)))
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _to_type(weight_total / total, kind)


def median(data):
    """The middle value of [data]; the mean of the two middle values when
    there is an even number of them."""
    ordered = sorted(data)
    size = len(ordered)
    if not size:
        raise StatisticsError('no median for empty data')
    half = size // 2
    if size % 2:
        return ordered[half]
    return (ordered[half - 1] + ordered[half]) / 2


def median_low(data):
    """The middle value of [data], or the smaller of the two middle values."""
    ordered = sorted(data)
    size = len(ordered)
    if not size:
        raise StatisticsError('no median for empty data')
    return ordered[(size - 1) // 2]


def median_high(data):
    """The middle value of [data], or the larger of the two middle values."""
    ordered = sorted(data)
    size = len(ordered)
    if not size:
        raise StatisticsError('no median for empty data')
    return ordered[size // 2]


def median_grouped(data, interval=1):
    """The median of continuous data grouped in classes [interval] wide and
    centred on the data values, found by interpolation (a float)."""
    ordered = sorted(data)
    size = len(ordered)
    if not size:
        raise StatisticsError('no median for empty data')
    middle = ordered[size // 2]
    # The run of values equal to the middle one is its class.
    first = bisect_left(ordered, middle)
    stop = bisect_right(ordered, middle, lo=first)
    try:
        interval = float(interval)
        middle = float(middle)
    except ValueError:
        raise TypeError('Value cannot be converted to a float')
    lower_edge = middle - interval / 2.0
    below = first
    in_class = stop - first
    return lower_edge + interval * (size / 2 - below) / in_class


def mode(data):
    """The most common value of [data]; the first one seen on a tie."""
    ranked = Counter(iter(data)).most_common(1)
    if not ranked:
        raise StatisticsError('no mode for empty data')
    return ranked[0][0]


def multimode(data):
    """Every value tied for most common, in order of first appearance."""
    tally = Counter(iter(data))
    if not tally:
        return []
    top = max(tally.values())
    return [value for value, seen in tally.items() if seen == top]


def quantiles(data, *, n=4, method='exclusive'):
    """The n - 1 cut points that divide [data] into n equally likely
    intervals, by linear interpolation between data points.

    method 'exclusive' treats the data as a sample of a larger population
    whose extremes may lie beyond it; 'inclusive' treats the data as the
    whole population, its minimum and maximum being the 0th and 100th
    percentiles.
    """
    if n < 1:
        raise StatisticsError('n must be at least 1')
    ordered = sorted(data)
    size = len(ordered)
    if size < 2:
        raise StatisticsError('must have at least two data points')
    cuts = []
    if method == 'inclusive':
        span = size - 1
        for step in range(1, n):
            index, weight = divmod(step * span, n)
            cuts.append((ordered[index] * (n - weight)
                         + ordered[index + 1] * weight) / n)
        return cuts
    if method == 'exclusive':
        span = size + 1
        for step in range(1, n):
            index = min(max(step * span // n, 1), size - 1)
            weight = step * span - index * n
            cuts.append((ordered[index - 1] * (n - weight)
                         + ordered[index] * weight) / n)
        return cuts
    raise ValueError('Unknown method: %r' % (method,))


# -- spread -------------------------------------------------------------------

def variance(data, xbar=None):
    """The sample variance of [data] (divides by n - 1).  [xbar], if given,
    is used as the mean instead of computing it."""
    kind, spread, _, count = _squared_deviations(data, xbar)
    if count < 2:
        raise StatisticsError('variance requires at least two data points')
    return _to_type(spread / (count - 1), kind)


def pvariance(data, mu=None):
    """The population variance of [data] (divides by n).  [mu], if given,
    is used as the mean instead of computing it."""
    kind, spread, _, count = _squared_deviations(data, mu)
    if count < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _to_type(spread / count, kind)


def stdev(data, xbar=None):
    """The sample standard deviation: the square root of variance()."""
    kind, spread, _, count = _squared_deviations(data, xbar)
    if count < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _root_of(kind, spread / (count - 1))


def pstdev(data, mu=None):
    """The population standard deviation: the square root of pvariance()."""
    kind, spread, _, count = _squared_deviations(data, mu)
    if count < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _root_of(kind, spread / count)


# -- two variables ------------------------------------------------------------

def _paired_size(x, y, what):
    size = len(x)
    if len(y) != size:
        raise StatisticsError('%s requires that both inputs have same number '
                              'of data points' % what)
    if size < 2:
        raise StatisticsError('%s requires at least two data points' % what)
    return size


def _centred_sums(x, y, size):
    """(mean of x, mean of y, sum of dx*dy, sum of dx*dx) as floats."""
    mean_x = math.fsum(x) / size
    mean_y = math.fsum(y) / size
    cross = math.fsum((a - mean_x) * (b - mean_y) for a, b in zip(x, y))
    square = math.fsum((a - mean_x) * (a - mean_x) for a in x)
    return mean_x, mean_y, cross, square


def covariance(x, y, /):
    """The sample covariance of two equally long inputs."""
    size = _paired_size(x, y, 'covariance')
    cross = _centred_sums(x, y, size)[2]
    return cross / (size - 1)


def correlation(x, y, /):
    """Pearson's correlation coefficient of two equally long inputs."""
    size = _paired_size(x, y, 'correlation')
    mean_x, mean_y, cross, square_x = _centred_sums(x, y, size)
    square_y = math.fsum((b - mean_y) * (b - mean_y) for b in y)
    try:
        return cross / math.sqrt(square_x * square_y)
    except ZeroDivisionError:
        raise StatisticsError('at least one of the inputs is constant')


LinearRegression = namedtuple('LinearRegression', ('slope', 'intercept'))


def linear_regression(x, y, /, *, proportional=False):
    """Least-squares fit y = slope * x + intercept.  With proportional=True
    the line is forced through the origin (intercept 0.0)."""
    size = _paired_size(x, y, 'linear regression')
    if proportional:
        cross = math.fsum(a * b for a, b in zip(x, y))
        square = math.fsum(a * a for a in x)
    else:
        mean_x, mean_y, cross, square = _centred_sums(x, y, size)
    try:
        slope = cross / square
    except ZeroDivisionError:
        raise StatisticsError('x is constant')
    intercept = 0.0 if proportional else mean_y - slope * mean_x
    return LinearRegression(slope=slope, intercept=intercept)



# -- the normal distribution -------------------------------------------------

# Coefficients of AS 241, lowest degree first.  Central range |p - 0.5| <= 0.425:
_CENTRAL_NUM = (3.3871328727963666080e0, 1.3314166789178437745e2,
                1.9715909503065514427e3, 1.3731693765509461125e4,
                4.5921953931549871457e4, 6.7265770927008700853e4,
                3.3430575583588128105e4, 2.5090809287301226727e3)
_CENTRAL_DEN = (1.0, 4.2313330701600911252e1,
                6.8718700749205790830e2, 5.3941960214247511077e3,
                2.1213794301586595867e4, 3.9307895800092710610e4,
                2.8729085735721942674e4, 5.2264952788528545610e3)
# Tails up to about 1e-11 from either end:
_NEAR_TAIL_NUM = (1.42343711074968357734e0, 4.63033784615654529590e0,
                  5.76949722146069140550e0, 3.64784832476320460504e0,
                  1.27045825245236838258e0, 2.41780725177450611770e-1,
                  2.27238449892691845833e-2, 7.74545014278341407640e-4)
_NEAR_TAIL_DEN = (1.0, 2.05319162663775882187e0,
                  1.67638483018380384940e0, 6.89767334985100004550e-1,
                  1.48103976427480074590e-1, 1.51986665636164571966e-2,
                  5.47593808499534494600e-4, 1.05075007164441684324e-9)
# The far tails:
_FAR_TAIL_NUM = (6.65790464350110377720e0, 5.46378491116411436990e0,
                 1.78482653991729133580e0, 2.96560571828504891230e-1,
                 2.65321895265761230930e-2, 1.24266094738807843860e-3,
                 2.71155556874348757815e-5, 2.01033439929228813265e-7)
_FAR_TAIL_DEN = (1.0, 5.99832206555887937690e-1,
                 1.36929880922735805310e-1, 1.48753612908506148525e-2,
                 7.86869131145613259100e-4, 1.84631831751005468180e-5,
                 1.42151175831644588870e-7, 2.04426310338993978564e-15)


def _horner(coefficients, x):
    """Evaluate the polynomial with [coefficients] (lowest degree first)."""
    total = coefficients[-1]
    for coefficient in reversed(coefficients[:-1]):
        total = total * x + coefficient
    return total


def _standard_normal_quantile(p):
    """The x with P(Z <= x) == p for a standard normal Z (0 < p < 1)."""
    offset = p - 0.5
    if abs(offset) <= 0.425:
        r = 0.180625 - offset * offset
        return (_horner(_CENTRAL_NUM, r) * offset) / _horner(_CENTRAL_DEN, r)
    tail = p if offset <= 0.0 else 1.0 - p
    r = math.sqrt(-math.log(tail))
    if r <= 5.0:
        r -= 1.6
        x = _horner(_NEAR_TAIL_NUM, r) / _horner(_NEAR_TAIL_DEN, r)
    else:
        r -= 5.0
        x = _horner(_FAR_TAIL_NUM, r) / _horner(_FAR_TAIL_DEN, r)
    return -x if offset < 0.0 else x


_ROOT_TWO = math.sqrt(2.0)


class NormalDist:
    """A normal distribution with mean [mu] and standard deviation [sigma]."""

    __slots__ = ('_mu', '_sigma')

    def __init__(self, mu=0.0, sigma=1.0):
        if sigma < 0.0:
            raise StatisticsError('sigma must be non-negative')
        self._mu = float(mu)
        self._sigma = float(sigma)

    @classmethod
    def from_samples(cls, data):
        """The normal distribution with the sample mean and sample standard
        deviation of [data]."""
        _, spread, centre, count = _squared_deviations(data, None)
        if count < 2:
            raise StatisticsError('stdev requires at least two data points')
        square = spread / (count - 1)
        try:
            return cls(float(centre),
                       _sqrt_ratio(square.numerator, square.denominator))
        except AttributeError:
            # A non-finite float in the data: both results are that float.
            return cls(float(centre), float(centre) / float(spread))

    def samples(self, n, *, seed=None):
        """[n] random values drawn from the distribution."""
        import random
        draw = random.gauss if seed is None else random.Random(seed).gauss
        return [draw(self._mu, self._sigma) for _ in range(n)]

    def pdf(self, x):
        """The probability density at [x]."""
        variance = self._sigma * self._sigma
        if not variance:
            raise StatisticsError('pdf() not defined when sigma is zero')
        gap = x - self._mu
        return (math.exp(gap * gap / (-2.0 * variance))
                / math.sqrt(math.tau * variance))

    def cdf(self, x):
        """P(X <= x)."""
        if not self._sigma:
            raise StatisticsError('cdf() not defined when sigma is zero')
        return 0.5 * (1.0 + math.erf((x - self._mu)
                                     / (self._sigma * _ROOT_TWO)))

    def inv_cdf(self, p):
        """The x for which P(X <= x) == p: the quantile function."""
        if p <= 0.0 or p >= 1.0:
            raise StatisticsError('p must be in the range 0.0 < p < 1.0')
        if self._sigma <= 0.0:
            raise StatisticsError('cdf() not defined when sigma at or below zero')
        return self._mu + _standard_normal_quantile(p) * self._sigma

    def quantiles(self, n=4):
        """The n - 1 cut points dividing the distribution into n intervals
        of equal probability."""
        return [self.inv_cdf(k / n) for k in range(1, n)]

    def overlap(self, other):
        """The area shared by the density curves of two distributions,
        between 0.0 and 1.0."""
        if not isinstance(other, NormalDist):
            raise TypeError('Expected another NormalDist instance')
        narrow, wide = self, other
        if (wide._sigma, wide._mu) < (narrow._sigma, narrow._mu):
            narrow, wide = wide, narrow
        narrow_var, wide_var = narrow.variance, wide.variance
        if not narrow_var or not wide_var:
            raise StatisticsError('overlap() not defined when sigma is zero')
        var_gap = wide_var - narrow_var
        mean_gap = math.fabs(wide._mu - narrow._mu)
        if not var_gap:
            return 1.0 - math.erf(mean_gap / (2.0 * narrow._sigma * _ROOT_TWO))
        # The two curves cross at the roots of a quadratic; the overlap is
        # what lies under the lower curve, found from the CDFs there.
        a = narrow._mu * wide_var - wide._mu * narrow_var
        b = narrow._sigma * wide._sigma * math.sqrt(
            mean_gap * mean_gap + var_gap * math.log(wide_var / narrow_var))
        left = (a + b) / var_gap
        right = (a - b) / var_gap
        return 1.0 - (math.fabs(wide.cdf(left) - narrow.cdf(left))
                      + math.fabs(wide.cdf(right) - narrow.cdf(right)))

    def zscore(self, x):
        """How many standard deviations [x] lies above the mean."""
        if not self._sigma:
            raise StatisticsError('zscore() not defined when sigma is zero')
        return (x - self._mu) / self._sigma

    @property
    def mean(self):
        return self._mu

    @property
    def median(self):
        return self._mu

    @property
    def mode(self):
        return self._mu

    @property
    def stdev(self):
        return self._sigma

    @property
    def variance(self):
        return self._sigma * self._sigma

    def __add__(self, other):
        # Independent normal variables add: means add, variances add.
        if isinstance(other, NormalDist):
            return NormalDist(self._mu + other._mu,
                              math.hypot(self._sigma, other._sigma))
        return NormalDist(self._mu + other, self._sigma)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, NormalDist):
            return NormalDist(self._mu - other._mu,
                              math.hypot(self._sigma, other._sigma))
        return NormalDist(self._mu - other, self._sigma)

    def __rsub__(self, other):
        return -(self - other)

    def __mul__(self, factor):
        return NormalDist(self._mu * factor, self._sigma * math.fabs(factor))

    __rmul__ = __mul__

    def __truediv__(self, divisor):
        return NormalDist(self._mu / divisor, self._sigma / math.fabs(divisor))

    def __pos__(self):
        return NormalDist(self._mu, self._sigma)

    def __neg__(self):
        return NormalDist(-self._mu, self._sigma)

    def __eq__(self, other):
        if not isinstance(other, NormalDist):
            return NotImplemented
        return self._mu == other._mu and self._sigma == other._sigma

    def __hash__(self):
        return hash((self._mu, self._sigma))

    def __repr__(self):
        return '%s(mu=%r, sigma=%r)' % (type(self).__name__, self._mu,
                                        self._sigma)

    def __getstate__(self):
        return self._mu, self._sigma

    def __setstate__(self, state):
        self._mu, self._sigma = state
