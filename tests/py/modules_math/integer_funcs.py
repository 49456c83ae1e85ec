import math
print(math.factorial(0), math.factorial(10), math.gcd(12, 18), math.gcd(7, 0), math.lcm(4, 6))
print(math.comb(5, 2), math.perm(5, 2), math.isqrt(99), math.isqrt(100))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.fsum([0.1] * 10), sum([0.1] * 10))
try:
    math.factorial(-1)
except ValueError as e:
    print(e)
try:
    math.isqrt(-4)
except ValueError as e:
    print(e)
