"""GIL hand-over latency, request to grant, measured from Python.

    <interpreter> bench/handoff/handoff.py [--rounds N] [--budget SECONDS]

Two threads play ping-pong through a pair of threading.Events. The pinger
reads the clock and sets `ping`, then blocks on `pong`, which gives up the
GIL; the ponger, woken by `ping`, must get the GIL back before it can read
the clock; then the same happens the other way round. The difference is the hand-over latency: the time between a
thread becoming runnable (it asks for the GIL) and the moment it runs
Python code again (the GIL was granted). It is measured twice in this one
process: with only the two players, and while a third thread spins in a
Python loop and competes for the GIL -- the case where CPython makes the
woken thread wait for the spinner's switch interval.

Each phase stops after N hand-overs or when its time budget is spent.
Prints one `result {json}` line per phase with p50/p99/max in microseconds
and the sorted samples (thinned to 1,000 quantiles) for the CDF plot.
Runs unchanged under CPython.
"""

import json
import sys
import threading
import time


def option(name, default, kind):
    if name in sys.argv:
        return kind(sys.argv[sys.argv.index(name) + 1])
    return default


def quantile(sorted_values, q):
    return sorted_values[min(len(sorted_values) - 1, int(q * len(sorted_values)))]


def spin(stop):
    n = 0
    while not stop:
        for i in range(200):
            n += i


def ping_pong(rounds, budget):
    ping, pong = threading.Event(), threading.Event()
    # sent[0]: when the pinger set `ping`; sent[1]: when the ponger set `pong`.
    # Both directions are hand-overs and both go into the samples.
    sent = [0.0, 0.0]
    samples = []
    done = []

    def ponger():
        while True:
            ping.wait()
            woke = time.perf_counter()
            ping.clear()
            if done:
                return
            samples.append(woke - sent[0])
            sent[1] = time.perf_counter()
            pong.set()

    player = threading.Thread(target=ponger)
    player.start()
    deadline = time.perf_counter() + budget
    try:
        while not samples or (len(samples) < rounds and time.perf_counter() < deadline):
            pong.clear()
            sent[0] = time.perf_counter()
            ping.set()
            # A generous timeout: a lost wake-up would otherwise hang the suite.
            if not pong.wait(10.0):
                break
            samples.append(time.perf_counter() - sent[1])
    finally:
        done.append(True)
        ping.set()
        player.join()
    return samples


def phase(name, spinners, rounds, budget):
    stop = []
    workers = [threading.Thread(target=spin, args=(stop,), daemon=True)
               for _ in range(spinners)]
    for w in workers:
        w.start()
    try:
        samples = sorted(ping_pong(rounds, budget))
    finally:
        stop.append(True)
        for w in workers:
            w.join()
    us = [s * 1e6 for s in samples] or [float('nan')]
    stride = max(1, len(us) // 1000)
    print('result ' + json.dumps({
        'phase': name, 'cpu_threads': spinners, 'n': len(samples),
        'p50_us': round(quantile(us, 0.5), 2), 'p99_us': round(quantile(us, 0.99), 2),
        'max_us': round(us[-1], 2), 'samples_us': [round(v, 2) for v in us[::stride]]}),
        flush=True)


def main():
    rounds = option('--rounds', 2000, int)
    budget = option('--budget', 4.0, float)
    phase('two threads alone', 0, rounds, budget)
    phase('beside 1 CPU thread', 1, rounds, budget)


if __name__ == '__main__':
    main()
