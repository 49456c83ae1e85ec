# Big-int arithmetic: factorial, power, division, modulo and str conversion.
import time


def work(reps):
    total = 0
    for _ in range(reps):
        f = 1
        for i in range(2, 1500):
            f *= i
        p = 3 ** 4000
        q, r = divmod(f, p // 7 + 1)
        total += len(str(q)) + (r % 1_000_003) + pow(7, 12345, 10 ** 40) % 97
    return total


start = time.perf_counter()
work(2_000)
print("elapsed", time.perf_counter() - start)
