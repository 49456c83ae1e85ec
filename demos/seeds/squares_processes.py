# Seed experiment: the squares workload in two processes instead of two threads.
# Separate processes do not share a GIL, so on two cores the pair takes about
# as long as one pass.
# Usage: squares_processes.py [N]
import sys
import time
from multiprocessing import Process

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000


def calculate_squares(numbers):
    for n in numbers:
        n * n


if __name__ == '__main__':
    numbers = range(N)
    start = time.time()
    calculate_squares(numbers)
    single = time.time() - start

    procs = [Process(target=calculate_squares, args=(numbers,)) for _ in range(2)]
    start = time.time()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    both = time.time() - start
    print("squares of range(%d): one pass %.3f s, two processes %.3f s (ratio %.2f)"
          % (N, single, both, both / single if single else 0.0))
