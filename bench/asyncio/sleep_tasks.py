"""100,000 tasks each awaiting asyncio.sleep(0.5) at once.

Prints the wall time of the whole run (ideal: 0.5 s) and the peak resident
set size (VmHWM from /proc/self/status). Runs unchanged under CPython:

    build/gilpy bench/asyncio/sleep_tasks.py      python3 bench/asyncio/sleep_tasks.py
    build/gilpy bench/asyncio/sleep_tasks.py --tasks 10000
"""

import asyncio
import sys
import time

if '--tasks' in sys.argv:
    N = int(sys.argv[sys.argv.index('--tasks') + 1])
else:
    N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
DELAY = 0.5


def peak_rss_mb():
    try:
        with open('/proc/self/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float('nan')


async def sleeper():
    await asyncio.sleep(DELAY)


async def main():
    tasks = [asyncio.create_task(sleeper()) for _ in range(N)]
    await asyncio.gather(*tasks)


start = time.perf_counter()
asyncio.run(main())
elapsed = time.perf_counter() - start
print(f'{N} tasks x asyncio.sleep({DELAY}): {elapsed:.3f} s '
      f'(ideal {DELAY:.1f} s), peak RSS {peak_rss_mb():.1f} MB')
