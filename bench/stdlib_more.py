# The pure-Python standard-library modules frozen into gilpy (datetime,
# csv, traceback, warnings): a
# typical workload for each, timed separately. Prints each phase and
# `elapsed` (the sum); runs unchanged under gilpy and CPython, so the
# per-phase ratio shows where gilpy's Python code is slow relative to
# CPython's (which runs C implementations for datetime and csv).
import csv
import datetime
import io
import time
import traceback
import warnings


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


phases = [('datetime', dates), ('csv', csv_rt), ('traceback', tracebacks),
          ('warnings', warns)]
elapsed = sum(timed(name, fn) for name, fn in phases)
print('elapsed %.4f' % elapsed)
