# Allocation-heavy work under the cycle collector: build 200k small tuples
# in a list (every tuple is tracked, so a collector without generations
# rescans all of them at each collection and the build turns quadratic),
# then churn short-lived tuples (the free list's case). Run REPEAT times.
import time

REPEAT = 5


def build():
    return [(i % 7, i) for i in range(200_000)]


def churn():
    total = 0
    for i in range(300_000):
        pair = (i, i + 1)
        total += pair[1] - pair[0]
    return total


start = time.perf_counter()
for _ in range(REPEAT):
    build()
    churn()
print("elapsed", time.perf_counter() - start)
