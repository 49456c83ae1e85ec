"""1,000 threads each calling time.sleep(0.5) at once.

Prints how long starting them took and the wall time of the whole run
(ideal: 0.5 s). Runs unchanged under CPython:

    build/gilpy bench/threads/sleep_threads.py      python3 bench/threads/sleep_threads.py
"""

import sys
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
DELAY = 0.5

start = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(DELAY,)) for _ in range(N)]
for t in threads:
    t.start()
started = time.perf_counter() - start
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(f'{N} threads x time.sleep({DELAY}): {elapsed:.3f} s (ideal {DELAY:.1f} s), '
      f'start() of all {started:.3f} s')
