# Variance and standard deviation (exact, correctly rounded), quantiles and
# the two-variable functions.
import statistics as st
from fractions import Fraction as F

floats = [((i * 104729) % 997) / 13.0 - i * 0.37 for i in range(1, 80)]
datasets = [
    [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5],
    [1, 2, 2, 4, 4, 4, 5, 6],
    [27.5, 30.25, 30.25, 34.5, 41.75],
    [0.1, 0.2, 0.3, 0.4],
    [F(1, 3), F(5, 6), F(7, 4), F(2, 9)],
    [1, F(1, 2), 3],
    [1, 2.5, F(1, 4)],
    [10 ** 20, 10 ** 20 + 1, 10 ** 20 + 3],
    [1e10 + 0.1, 1e10 + 0.2, 1e10 + 0.3],
    [5, 5, 5, 5],
    floats,
    [i * i for i in range(50)],
]
for data in datasets:
    print(data[:6])
    for fn in (st.pvariance, st.variance, st.pstdev, st.stdev):
        print('  %s: %r' % (fn.__name__, fn(data)))
data = [1, 2, 2, 4, 4, 4, 5, 6]
mu = st.mean(data)
print(st.pvariance(data, mu), st.variance(data, 3), st.variance(data, 3.5))
print(st.pstdev(data, 3.5), st.stdev(data, 2), st.variance([1, 2, 3], 2), st.variance([F(1), 2, 3], F(2)))
print(st.pvariance([1.5]), st.pstdev([7]), st.pvariance([F(3, 2)]), st.variance([1, float('inf')]))
print(st.stdev([1e-300, 3e-300]), st.pstdev([1e300, -1e300]), st.stdev(range(10 ** 3)))
print(st.variance(iter([1, 2, 3, 4])), st.stdev(x / 3 for x in range(9)))

for n in (1, 2, 3, 4, 5, 10):
    for method in ('exclusive', 'inclusive'):
        print(n, method, st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110,
                                        100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129,
                                        106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86,
                                        111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95,
                                        103, 107, 101, 81, 109, 104], n=n, method=method))
print(st.quantiles([1, 2], n=4), st.quantiles([1, 2], n=4, method='inclusive'))
print(st.quantiles([0.5, 1.5, 2.25], n=3), st.quantiles([F(1, 2), F(3, 2), 2], n=3))
print(st.quantiles(range(10), n=100)[:10])
print(st.quantiles([3, 1, 2]), st.quantiles(iter([4.0, 1.0, 9.0, 16.0]), n=5))

x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
z = [9, 8, 7, 6, 5, 4, 3, 2, 1]
print(st.covariance(x, y), st.covariance(z, x), st.covariance(x, [v * 0.5 for v in x]))
print(st.correlation(x, x), st.correlation(x, y), st.correlation(x, z))
print(st.correlation(floats[:20], floats[20:40]), st.covariance(floats[:30], floats[30:60]))
print(st.linear_regression(x, y), st.linear_regression(x, z))
year = [1971, 1975, 1979, 1982, 1983]
films = [1, 2, 3, 4, 5]
r = st.linear_regression(year, films)
print(r, r.slope, r.intercept, type(r).__name__, r._fields)
print(st.linear_regression(x, [2 * v for v in x], proportional=True))
print(st.linear_regression([1, 2, 4], [2.5, 4.5, 9.75], proportional=True))
print(st.linear_regression([F(1, 2), F(3, 2), 3], [1, 2, 4]))
print(st.correlation([F(1, 2), F(3, 2), 3], [1, 2, 4]), st.covariance([1, 2], [F(1), F(1, 3)]))
