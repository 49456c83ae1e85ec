# NormalDist: densities, CDF and its inverse (AS 241), arithmetic, errors.
from statistics import NormalDist, StatisticsError
from fractions import Fraction

nd = NormalDist(100, 15)
print(nd, repr(NormalDist()), NormalDist(1, 0), NormalDist(Fraction(1, 2), 2))
print(nd.mean, nd.median, nd.mode, nd.stdev, nd.variance)
for x in (55, 85, 99.5, 100, 115, 130, 160, -1e3, 1e3):
    print(x, nd.pdf(x), nd.cdf(x), nd.zscore(x))
std = NormalDist()
for p in (1e-300, 1e-20, 1e-12, 1e-9, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.1, 0.2, 0.075,
          0.0749, 0.3, 0.4, 0.5, 0.6, 0.75, 0.9, 0.925, 0.95, 0.975, 0.99, 0.999,
          0.99999, 1 - 1e-9, 1 - 1e-15):
    print(p, std.inv_cdf(p), nd.inv_cdf(p))
print(nd.quantiles(), std.quantiles(10))
print(NormalDist(2.4, 1.6).overlap(NormalDist(3.2, 2.0)))
print(NormalDist(0, 1).overlap(NormalDist(1, 1)), NormalDist(5, 2).overlap(NormalDist(5, 2)))
print(NormalDist(1, 2).overlap(NormalDist(-3, 0.5)))
s = NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(s, NormalDist.from_samples([1, 2, 3, 4]), NormalDist.from_samples(iter([Fraction(1, 3), 2])))
a, b = NormalDist(10, 3), NormalDist(4, 4)
print(a + b, a - b, a + 5, 5 + a, a - 2, 2 - a, a * 3, 3 * a, a * -2, a / 4, a / -2, -a, +a)
print(a == NormalDist(10, 3), a == b, a == 10, a != b, hash(a) == hash(NormalDist(10.0, 3.0)))
print(len({a, NormalDist(10, 3), b}))
print(NormalDist(5, 1).samples(4, seed=42), len(std.samples(0)), len(std.samples(3)))

def attempt(label, fn, *args):
    try:
        print(label, '->', fn(*args))
    except (StatisticsError, TypeError) as e:
        print(label, '->', type(e).__name__ + ':', e)

zero = NormalDist(3, 0)
attempt('negative sigma', NormalDist, 0, -1)
attempt('pdf zero', zero.pdf, 1)
attempt('cdf zero', zero.cdf, 1)
attempt('zscore zero', zero.zscore, 1)
attempt('inv_cdf zero', zero.inv_cdf, 0.5)
attempt('inv_cdf 0', std.inv_cdf, 0)
attempt('inv_cdf 1', std.inv_cdf, 1.0)
attempt('inv_cdf 1.5', std.inv_cdf, 1.5)
attempt('overlap zero', std.overlap, zero)
attempt('overlap type', std.overlap, 3)
attempt('from_samples one', NormalDist.from_samples, [1])
attempt('quantiles 1', std.quantiles, 1)
