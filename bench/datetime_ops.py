# What programs commonly ask of the datetime module: building dates,
# datetimes and timedeltas, stepping and comparing them, hashing them into
# a dict, writing them out (isoformat, str, strftime), reading them back
# (fromisoformat), and converting to and from POSIX timestamps.  Runs
# unchanged under CPython, whose datetime is written in C, so the ratio
# shows what our pure-Python module costs.  Prints each phase and
# `elapsed` (the sum of the phases' best times).
import datetime
import time

N = 2000


def timed(name, fn, runs=3):
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    print('%-12s %.4f' % (name, best))
    return best


def construct():
    for i in range(N):
        datetime.date(2000 + i % 50, i % 12 + 1, i % 28 + 1)
        datetime.datetime(2020, i % 12 + 1, i % 28 + 1, i % 24, i % 60, i % 60, i)
        datetime.timedelta(days=i, hours=3, minutes=i % 60)
        datetime.timedelta(seconds=i * 1.5)


def arithmetic():
    d = datetime.datetime(2020, 1, 1, 12, 30)
    day = datetime.date(2020, 1, 1)
    step = datetime.timedelta(hours=7, minutes=13, microseconds=5)
    one = datetime.timedelta(days=1)
    seen = {}
    for i in range(N):
        e = d + step
        gap = e - d
        day = day + one
        if e > d and gap == step and not day < datetime.date.min:
            seen[e] = seen.get(e, 0) + 1
        seen[day] = i
        d = e - one
        span = step * 3 - one
        span = -span + step
    assert len(seen) == 2 * N


def text():
    d = datetime.datetime(2021, 3, 4, 5, 6, 7, 890)
    day = datetime.date(2021, 3, 4)
    for _ in range(N):
        d.isoformat()
        str(d)
        day.isoformat()
        d.strftime('%Y-%m-%d %H:%M:%S')
        d.strftime('%a %d %b %Y')
        str(d - datetime.datetime(2021, 1, 1))


def parse():
    texts = ['2021-03-04T05:06:07', '2021-03-04 05:06:07.123456',
             '2021-03-04T05:06:07+02:00', '2021-03-04']
    for i in range(N):
        datetime.datetime.fromisoformat(texts[i % 4])
        datetime.date.fromisoformat('2021-03-04')


def stamps():
    d = datetime.datetime(2021, 3, 4, 5, 6, 7, 890)
    aware = datetime.datetime(2021, 3, 4, 5, 6, 7, tzinfo=datetime.timezone.utc)
    for i in range(N):
        t = d.timestamp()
        datetime.datetime.fromtimestamp(t + i)
        aware.timestamp()
        datetime.datetime.fromtimestamp(1600000000 + i, datetime.timezone.utc)
        d.replace(hour=i % 24)
        d.replace(day=1, microsecond=0)


def clock():
    for _ in range(N // 4):
        datetime.datetime.now()
        datetime.date.today()
        datetime.datetime.now(datetime.timezone.utc)


phases = [('construct', construct), ('arithmetic', arithmetic), ('text', text),
          ('parse', parse), ('stamps', stamps), ('clock', clock)]
elapsed = sum(timed(name, fn) for name, fn in phases)
print('elapsed %.4f' % elapsed)
