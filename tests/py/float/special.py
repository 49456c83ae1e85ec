inf = float('inf')
nan = float('nan')
print(inf, -inf, nan, float('-inf'), float('Infinity'), float('NaN'))
print(inf + 1, inf - inf, inf * 0, 1 / inf)
print(nan == nan, nan != nan, nan < 1, inf > 1e308)
print(inf == inf, -inf < inf)
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0))
print(-0.0, 0.0 == -0.0, math.copysign(1, -0.0))
try:
    int(inf)
except OverflowError as e:
    print(e)
try:
    int(nan)
except ValueError as e:
    print(e)
