# The pure-Python standard-library modules frozen into gilpy (datetime,
# fractions, statistics, pprint, csv, traceback, warnings, logging): a
# typical workload for each, timed separately. Prints each phase and
# `elapsed` (the sum); runs unchanged under gilpy and CPython, so the
# per-phase ratio shows where gilpy's Python code is slow relative to
# CPython's (which runs C implementations for datetime and csv).
import csv
import datetime
import io
import logging
import pprint
import statistics
import time
import traceback
import warnings
from fractions import Fraction


def timed(name, fn, runs=3):
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    print('%-12s %.4f' % (name, best))
    return best


def dates():
    d = datetime.datetime(2020, 1, 1, 12, 30)
    step = datetime.timedelta(hours=7, minutes=13)
    for _ in range(3000):
        d = d + step
        d.isoformat()
        d.weekday()


def fractions():
    total = Fraction(0)
    for i in range(1, 1500):
        total += Fraction(1, i)
    return total


def stats():
    data = [(i * 7919) % 1000 / 10 for i in range(3000)]
    statistics.mean(data)
    statistics.stdev(data)
    statistics.median(data)


def pretty():
    data = {'k%d' % i: [list(range(i % 7)), {'x': i, 'y': str(i) * 3}] for i in range(300)}
    pprint.pformat(data)


def csv_rt():
    out = io.StringIO()
    w = csv.writer(out)
    for i in range(2000):
        w.writerow([i, 'name %d' % i, 'with, comma', 'say "hi"', i * 0.5])
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert len(rows) == 2000


def tracebacks():
    def deep(n):
        if n == 0:
            raise ValueError('bottom')
        deep(n - 1)
    for _ in range(200):
        try:
            deep(10)
        except ValueError:
            traceback.format_exc()


def warns():
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        for i in range(3000):
            warnings.warn('w%d' % (i % 10))


def logs():
    log = logging.getLogger('bench.quiet')
    log.setLevel(logging.WARNING)
    for i in range(20000):
        log.debug('dropped %d', i)


phases = [('datetime', dates), ('fractions', fractions), ('statistics', stats),
          ('pprint', pretty), ('csv', csv_rt), ('traceback', tracebacks),
          ('warnings', warns), ('logging', logs)]
elapsed = sum(timed(name, fn) for name, fn in phases)
print('elapsed %.4f' % elapsed)
