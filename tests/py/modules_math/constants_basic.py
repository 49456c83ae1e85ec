import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7))
print(math.floor(3), type(math.floor(2.5)).__name__, math.ceil(2.1))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(3, -0.0))
print(math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
