# statistics over Decimal data: results are Decimals computed in the decimal
# context, as CPython gives them.
import statistics
from decimal import Decimal as D
data = [D('1.5'), D('2.5'), D('2.25'), D('3.75')]
for f in (statistics.mean, statistics.median, statistics.variance, statistics.pvariance, statistics.stdev, statistics.pstdev, statistics.harmonic_mean, statistics.fmean):
    print(f.__name__, repr(f(data)))
print(repr(statistics.stdev([D('1'), D('2'), D('4')])))
print(repr(statistics.mean([1, 2, 4])), repr(statistics.stdev([1.5, 2.5])))
