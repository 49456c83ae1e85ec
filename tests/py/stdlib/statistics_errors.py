# StatisticsError and TypeError cases with CPython's messages.
import statistics as st

print(issubclass(st.StatisticsError, ValueError), st.StatisticsError.__mro__[1].__name__)

def attempt(label, fn, *args, **kwargs):
    try:
        print(label, '->', repr(fn(*args, **kwargs)))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)

nan = float('nan')
for fn in (st.mean, st.fmean, st.geometric_mean, st.harmonic_mean, st.median,
           st.median_low, st.median_high, st.median_grouped, st.mode,
           st.variance, st.pvariance, st.stdev, st.pstdev):
    attempt(fn.__name__ + '([])', fn, [])
    attempt(fn.__name__ + '(iter([]))', fn, iter([]))
for fn in (st.variance, st.stdev):
    attempt(fn.__name__ + '([1])', fn, [1])
attempt('mean str', st.mean, ['a', 'b'])
attempt('mean mixed str', st.mean, [1, 'a'])
attempt('variance str', st.variance, ['a', 'b'])
attempt('mean None', st.mean, [None])
attempt('geometric zero', st.geometric_mean, [0, 2])
attempt('geometric negative', st.geometric_mean, [-1, 2])
attempt('harmonic negative', st.harmonic_mean, [-1, 2])
attempt('harmonic single negative', st.harmonic_mean, [-3])
attempt('harmonic single str', st.harmonic_mean, ['x'])
attempt('harmonic weights length', st.harmonic_mean, [1, 2], [1])
attempt('harmonic negative weight', st.harmonic_mean, [1, 2], [1, -1])
attempt('harmonic zero weights', st.harmonic_mean, [1, 2], [0, 0])
attempt('fmean weights length', st.fmean, [1, 2], [1])
attempt('fmean zero weights', st.fmean, [1, 2], [0, 0])
attempt('median_grouped str', st.median_grouped, ['a', 'b'])
attempt('median_grouped bad interval', st.median_grouped, [1, 2], 'x')
attempt('quantiles one point', st.quantiles, [1])
attempt('quantiles n=0', st.quantiles, [1, 2], n=0)
attempt('quantiles method', st.quantiles, [1, 2, 3], method='middle')
attempt('quantiles n=1', st.quantiles, [1, 2, 3], n=1)
for fn in (st.covariance, st.correlation, st.linear_regression):
    attempt(fn.__name__ + ' lengths', fn, [1, 2, 3], [1, 2])
    attempt(fn.__name__ + ' short', fn, [1], [1])
attempt('correlation constant', st.correlation, [1, 1, 1], [1, 2, 3])
attempt('correlation constant y', st.correlation, [1, 2, 3], [4, 4, 4])
attempt('linear_regression constant', st.linear_regression, [2, 2, 2], [1, 2, 3])
attempt('mean nan', st.mean, [nan, 1.0])
attempt('median nan-free', st.median, [3, 1, 2])
attempt('mode unhashable', st.mode, [[1], [1]])
try:
    raise st.StatisticsError('custom')
except ValueError as e:
    print('caught as ValueError:', type(e).__name__, e)
