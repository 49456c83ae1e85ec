"""Event-loop lag: a task asks for asyncio.sleep(0.001) over and over and
records how late each wake-up is; printed as p50/p99/max in milliseconds,
first on an idle loop, then while another thread runs a CPU-bound loop.
Runs unchanged under CPython.
"""

import asyncio
import threading
import time

ROUNDS = 500
DELAY = 0.001


async def measure():
    loop = asyncio.get_running_loop()
    lateness = []
    for _ in range(ROUNDS):
        start = loop.time()
        await asyncio.sleep(DELAY)
        lateness.append(loop.time() - start - DELAY)
    lateness.sort()
    pick = lambda q: lateness[min(len(lateness) - 1, int(q * len(lateness)))] * 1000
    return pick(0.5), pick(0.99), lateness[-1] * 1000


def spin(stop):
    n = 0
    while not stop.is_set():
        for i in range(1000):
            n += i


def report(label, stats):
    p50, p99, worst = stats
    print(f'{label}: p50 {p50:.3f} ms, p99 {p99:.3f} ms, max {worst:.3f} ms')


report('idle', asyncio.run(measure()))
stop = threading.Event()
worker = threading.Thread(target=spin, args=(stop,))
worker.start()
try:
    report('with a CPU-bound thread', asyncio.run(measure()))
finally:
    stop.set()
    worker.join()
