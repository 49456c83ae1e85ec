import math
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum([float('inf'), 1.0]))
for bad in [[float('inf'), float('-inf')], [1e308, 1e308]]:
    try:
        print(math.fsum(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.hypot(3, 4), math.hypot(), math.hypot(1, 1, 1, 1), math.hypot(1e200, 1e200), math.hypot(-5))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]))
print(math.isqrt(0), math.isqrt(99), math.isqrt(10 ** 50), math.isqrt(2 ** 127 - 1))
print(math.comb(10, 3), math.comb(100, 50), math.comb(5, 7), math.perm(10), math.perm(10, 3), math.perm(3, 5))
print(math.factorial(0), math.factorial(20), len(str(math.factorial(1000))))
print(math.gcd(), math.gcd(12), math.gcd(12, 18, 27), math.gcd(-4, 6), math.lcm(4, 6), math.lcm(), math.lcm(3, 0))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([1.5, 2], start=2), math.prod(range(1, 21)))
print(math.log(8, 2), math.log(2 ** 1000), math.log10(10 ** 300), math.log2(2 ** 5000), math.log(10 ** 500, 10))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(10 ** 20 + 0.0), math.ceil(5))
print(math.modf(3.25), math.modf(-0.0), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.75, 4))
print(math.copysign(3, -0.0), math.fmod(-7, 3), math.remainder(7, 2), math.fabs(-3))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.degrees(math.pi), math.radians(180), math.exp(1), math.expm1(1e-10), math.log1p(1e-10))
print(math.sqrt(2), math.cbrt(27), math.exp2(10), math.pow(2, 0.5), math.pow(-8, 3))
print(math.gamma(5), math.lgamma(10), math.erf(0.5), math.erfc(0.5))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.tau, math.inf, -math.inf, math.nan)
tests = ['math.sqrt(-1)', 'math.log(0)', 'math.log(-5)', 'math.exp(1000)', 'math.acos(2)',
         'math.factorial(-1)', 'math.factorial(2.0)', 'math.isqrt(-1)', 'math.pow(0, -1)',
         'math.comb(-1, 2)', 'math.perm(3, -1)', 'math.gcd(1.5)', 'math.sqrt("x")',
         'math.fmod(1, 0)', 'math.floor(float("inf"))', 'math.floor(float("nan"))',
         'math.ldexp(1.0, 1.5)', 'math.dist([1], [1, 2])', 'math.isclose(1, 2, rel_tol=-1)',
         'math.log(10, 1)', 'math.sqrt()', 'math.pow(1)', 'math.gamma(0)', 'math.atanh(1)',
         'math.cosh(1000)', 'math.ldexp(1.0, 5000)', 'math.trunc("x")']
for t in tests:
    try:
        print(t, eval(t))
    except Exception as e:
        print(t, type(e).__name__, e)
