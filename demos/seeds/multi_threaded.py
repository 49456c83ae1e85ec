# Seed experiment: the same countdown split across two threads.
# Each thread counts half of COUNT. Under a GIL the two halves take turns, so the
# total is about the single-threaded time, not half of it.
# Usage: multi_threaded.py [COUNT]
import sys
import time
from threading import Thread

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000


def countdown(n):
    while n > 0:
        n -= 1


half = COUNT // 2
workers = [Thread(target=countdown, args=(half,)) for _ in range(2)]
start = time.time()
for w in workers:
    w.start()
for w in workers:
    w.join()
elapsed = time.time() - start
print("two threads, countdown(%d) each: %.3f s" % (half, elapsed))
