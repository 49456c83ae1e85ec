# Dict insert, lookup, update, membership and iteration with str and int keys.
import time


def work(n):
    d = {}
    keys = ["key%d" % i for i in range(1000)]
    for r in range(n):
        for k in keys:
            d[k] = d.get(k, 0) + r
    total = 0
    for r in range(n):
        for k in keys:
            if k in d:
                total += d[k]
    ints = {}
    for i in range(n * 1000):
        ints[i] = i
    for k, v in ints.items():
        total += v
    return total


start = time.perf_counter()
work(1_500)
print("elapsed", time.perf_counter() - start)
