# Recursive calls: fib(30) makes 1.6 million Python-level calls. It is run
# REPEAT times so that the measured time is well above timer noise; the
# first argument overrides REPEAT (bench/suite.py's quick mode runs it once).
import sys
import time

REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 8


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


start = time.perf_counter()
for _ in range(REPEAT):
    fib(30)
print("elapsed", time.perf_counter() - start)
