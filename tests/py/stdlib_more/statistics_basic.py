# statistics: averages with CPython's result types, spread, quantiles,
# modes, two-variable functions and the errors for bad input.
import statistics as st
from fractions import Fraction as F

print(st.mean([1, 2, 3, 4, 4]), st.mean([1, 2, 3]), st.mean([1, 2]), st.mean([0.1] * 10))
print(st.mean([F(1, 2), F(1, 3)]), st.mean([1, 2.5]), st.mean([F(1, 2), 0.5]), st.mean(iter([3, 5])))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[3, 2, 1]))
print(round(st.geometric_mean([54, 24, 36]), 9), st.harmonic_mean([40, 60]),
      st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([2.5]))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median([5, 1, 3, 2]),
      st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red"]),
      st.mode([1, 2]), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]))
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data))
print(st.variance([1, 2, 3, 4]), st.variance([1, 3, 5]), st.pvariance([1, 2, 3, 4]),
      st.stdev([1, 2, 3, 4]), st.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
print(st.variance([F(1, 4), F(5, 4), F(1, 2)]), st.pvariance([0, 0]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.variance(data, st.mean(data)), st.stdev([10 ** 20, 10 ** 20 + 2]), st.stdev([1e300, 1e300]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109,
                    76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106,
                    86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81,
                    109, 104], n=10))
print(st.quantiles([1, 2, 3, 4, 5], n=4), st.quantiles([1, 2, 3, 4, 5], n=4, method="inclusive"),
      st.quantiles([1.0, 9.0], n=3))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), round(st.correlation(x, x[::-1]), 12), st.linear_regression(x, [2 * v + 1 for v in x]))
nd = st.NormalDist(100, 15)
print(nd, nd.mean, nd.stdev, nd.variance, round(nd.cdf(130), 12), round(nd.pdf(100), 12), nd + 5, nd * 2)
print(st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print(issubclass(st.StatisticsError, ValueError))
for f in [lambda: st.mean([]), lambda: st.fmean([]), lambda: st.median([]), lambda: st.mode([]),
          lambda: st.variance([1]), lambda: st.pvariance([]), lambda: st.stdev([1]),
          lambda: st.pstdev([]), lambda: st.quantiles([1], n=4), lambda: st.quantiles([1, 2], n=0),
          lambda: st.quantiles([1, 2], method="x"), lambda: st.geometric_mean([1, -1]),
          lambda: st.harmonic_mean([-1, 2]), lambda: st.mean(["a", "b"]),
          lambda: st.fmean([1, 2], weights=[1]), lambda: st.median_low([]),
          lambda: st.NormalDist(0, -1), lambda: st.correlation([1, 1], [1, 2])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
