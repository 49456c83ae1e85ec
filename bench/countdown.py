# The seeds' CPU-bound workload: count a local down from 100 million.
import time

COUNT = 100_000_000


def countdown(n):
    while n > 0:
        n -= 1


start = time.perf_counter()
countdown(COUNT)
print("elapsed", time.perf_counter() - start)
