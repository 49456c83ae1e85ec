# Seed experiment: the countdown split across a pool of two worker processes.
# Each process has its own interpreter and its own GIL, so the halves can run
# in parallel. The seed uses COUNT = 50 million here (half the other runs).
# Usage: multiprocess_pool.py [COUNT]
import sys
import time
from multiprocessing import Pool

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000_000


def countdown(n):
    while n > 0:
        n -= 1


if __name__ == '__main__':
    half = COUNT // 2
    pool = Pool(processes=2)
    start = time.time()
    jobs = [pool.apply_async(countdown, [half]) for _ in range(2)]
    pool.close()
    pool.join()
    elapsed = time.time() - start
    for job in jobs:
        job.get()
    print("two processes, countdown(%d) each: %.3f s" % (half, elapsed))
