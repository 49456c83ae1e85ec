# repr() of floats: the shortest round-trip search (float.c) on a mix of
# short decimals, long fractions and powers of two.
import time

REPEAT = 3
values = [i / 7 for i in range(1, 20_000)] + [0.1 * i for i in range(20_000)] + \
         [2.0 ** -i for i in range(1, 1000)]

start = time.perf_counter()
for _ in range(REPEAT):
    for v in values:
        repr(v)
print("elapsed", time.perf_counter() - start)
