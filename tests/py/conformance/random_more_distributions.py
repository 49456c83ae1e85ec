# gammavariate, betavariate, paretovariate, weibullvariate and
# vonmisesvariate draw the same values as CPython for the same seed.
import random

r = random.Random(12345)
for alpha, beta in [(0.5, 1.0), (1.0, 2.0), (2.5, 0.5), (9.0, 3.0)]:
    print('gamma', alpha, beta, [round(r.gammavariate(alpha, beta), 12) for _ in range(4)])
for alpha, beta in [(0.5, 0.5), (2.0, 5.0), (1.0, 1.0)]:
    print('beta', alpha, beta, [round(r.betavariate(alpha, beta), 12) for _ in range(4)])
print('pareto', [round(r.paretovariate(a), 12) for a in (0.5, 1.0, 3.0)])
print('weibull', [round(r.weibullvariate(a, b), 12) for a, b in ((1.0, 0.5), (2.0, 3.0))])
for mu, kappa in [(0.0, 0.0), (1.0, 0.5), (-2.0, 4.0), (3.0, 50.0)]:
    print('vonmises', mu, kappa, [round(r.vonmisesvariate(mu, kappa), 12) for _ in range(4)])
random.seed(7)
print(round(random.gammavariate(alpha=3.0, beta=1.5), 12), round(random.betavariate(2, 3), 12))
for call in (lambda: r.gammavariate(0, 1), lambda: r.gammavariate(1, -1),
             lambda: r.weibullvariate(1, 0), lambda: r.paretovariate(0)):
    try:
        call()
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
