# Seed experiment: squaring every number of range(1_000_000), once in the main
# thread and then in two threads at the same time. With a GIL the threaded run
# takes about twice the single run (twice the work, no parallelism).
# Usage: squares_threads.py [N]
import sys
import time
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000


def calculate_squares(numbers):
    for n in numbers:
        n * n


numbers = range(N)

start = time.time()
calculate_squares(numbers)
single = time.time() - start

threads = [threading.Thread(target=calculate_squares, args=(numbers,)) for _ in range(2)]
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
both = time.time() - start
print("squares of range(%d): one pass %.3f s, two threads %.3f s (ratio %.2f)"
      % (N, single, both, both / single if single else 0.0))
