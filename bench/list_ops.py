# List append, index, slice, sort, comprehension and pop.
import time


def work(n):
    total = 0
    for r in range(n):
        lst = []
        for i in range(1000):
            lst.append((i * 7919) % 1000)
        lst.sort()
        sq = [x * x for x in lst if x % 2]
        total += sq[len(sq) // 2] + lst[500] + len(lst[100:900])
        while lst:
            lst.pop()
    return total


start = time.perf_counter()
work(6_000)
print("elapsed", time.perf_counter() - start)
