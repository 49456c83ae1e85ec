# Seed experiment: a CPU-bound countdown in the main thread.
# The seeds count 100 million down to zero in one function call and time it.
# Usage: single_threaded.py [COUNT]
import sys
import time

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000


def countdown(n):
    while n > 0:
        n -= 1


start = time.time()
countdown(COUNT)
elapsed = time.time() - start
print("single thread, countdown(%d): %.3f s" % (COUNT, elapsed))
