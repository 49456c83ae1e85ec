"""Event-loop lag on an idle loop and beside one and two CPU-bound threads.

    <interpreter> bench/lag/loop_lag.py [--rounds N] [--budget SECONDS] [--uvloop]

A task asks for asyncio.sleep(0.001) over and over and records how late
each wake-up is (the time asleep minus the 1 ms asked for). The same task
runs three times in this one process: with nothing else running, beside
one thread spinning in a Python loop, and beside two. Each phase stops
after N wake-ups or when its time budget is spent, whichever is first, so
that an interpreter whose loop is starved still finishes in bounded time.

Prints one line per phase, `result {json}`, with p50/p99/p99.9/max in
milliseconds and the sorted samples (thinned to 1,000 quantiles) for the
suite's CDF plot. --uvloop installs uvloop's policy first (CPython with
python3-uvloop). Runs unchanged under CPython; bench/asyncio/loop_lag.py is
the short human-readable version of the same measurement.
"""

import asyncio
import json
import sys
import threading
import time

DELAY = 0.001


def option(name, default, kind):
    if name in sys.argv:
        return kind(sys.argv[sys.argv.index(name) + 1])
    return default


def quantile(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


async def measure(rounds, budget):
    # perf_counter rather than loop.time(): uvloop's clock has a resolution
    # of one millisecond, which is the size of what is being measured.
    lateness = []
    deadline = time.perf_counter() + budget
    # At least one sample, however starved the loop is, so that every phase
    # has figures.
    while not lateness or (len(lateness) < rounds and time.perf_counter() < deadline):
        start = time.perf_counter()
        await asyncio.sleep(DELAY)
        lateness.append(max(0.0, time.perf_counter() - start - DELAY))
    return lateness


def spin(stop):
    """A CPU-bound thread: pure Python work until told to stop."""
    n = 0
    while not stop:
        for i in range(200):
            n += i


def phase(name, spinners, rounds, budget):
    stop = []
    workers = [threading.Thread(target=spin, args=(stop,), daemon=True)
               for _ in range(spinners)]
    for w in workers:
        w.start()
    try:
        samples = sorted(asyncio.run(measure(rounds, budget)))
    finally:
        stop.append(True)
        for w in workers:
            w.join()
    ms = [s * 1000.0 for s in samples]
    stride = max(1, len(ms) // 1000)
    print('result ' + json.dumps({
        'phase': name, 'cpu_threads': spinners, 'n': len(ms),
        'p50_ms': round(quantile(ms, 0.5), 4), 'p99_ms': round(quantile(ms, 0.99), 4),
        'p999_ms': round(quantile(ms, 0.999), 4), 'max_ms': round(ms[-1], 4),
        'samples_ms': [round(v, 4) for v in ms[::stride]]}), flush=True)


def main():
    rounds = option('--rounds', 1000, int)
    budget = option('--budget', 4.0, float)
    if '--uvloop' in sys.argv:
        import uvloop
        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    phase('idle', 0, rounds, budget)
    phase('beside 1 CPU thread', 1, rounds, budget)
    phase('beside 2 CPU threads', 2, rounds, budget)


if __name__ == '__main__':
    main()
