"""1,000 threads each calling time.sleep(0.5) at once.

Prints three figures of one run: how long start() of all the threads took,
the wall time of the whole run (ideal: the sleep, 0.5 s; issue 4's target is
0.6 s), and the process's CPU time over the run. Runs unchanged under
CPython; bench/threads/compare.py runs it under both, in turn, and prints
medians side by side:

    build/gilpy bench/threads/sleep_threads.py [N] [DELAY]
    python3 bench/threads/sleep_threads.py [N] [DELAY]
"""

import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
DELAY = float(sys.argv[2]) if len(sys.argv) > 2 else 0.5

cpu0 = time.process_time()
start = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(DELAY,)) for _ in range(N)]
for t in threads:
    t.start()
started = time.perf_counter() - start
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
cpu = time.process_time() - cpu0
print(f'{N} threads x time.sleep({DELAY}): wall {elapsed:.3f} s (ideal {DELAY:.1f} s), '
      f'start() of all {started:.3f} s, cpu {cpu:.3f} s')
