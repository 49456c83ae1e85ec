import math
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.05, rel_tol=0.1))
print(math.isfinite(1e308), math.isinf(1e308 * 10), math.isnan(float("nan")))
print(math.dist((0, 0), (3, 4)), math.floor(-0.0), math.ceil(-0.5))
print(math.remainder(10, 3), math.ulp(1.0) == 2 ** -52)
