# Nested for-loops over range with small-int arithmetic and a branch.
import time


def work(n):
    total = 0
    for i in range(n):
        for j in range(100):
            if (i + j) % 3 == 0:
                total += i * j
            else:
                total -= j
    return total


start = time.perf_counter()
work(200_000)
print("elapsed", time.perf_counter() - start)
