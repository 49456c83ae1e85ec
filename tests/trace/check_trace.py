#!/usr/bin/env python3
"""Checks what -X gil-trace, -X gil-stats and sys._gil_stats() produce.

Runs small gilpy programs (CPU-bound threads, sleeping threads, a thread
blocked on a lock, a thread that renames itself) with tracing on, then checks
the files under CPython:

  - the JSON is a Chrome trace-event file: valid JSON, only the documented
    states, per-thread timestamps that increase and segments that do not
    overlap, thread names as Python knows them;
  - at most one thread holds the GIL (running or gc) at any instant, across
    all tracks, and the same in the SVG's lanes;
  - the SVG is well-formed XML with a lane per thread, a legend and an axis;
  - -X gil-stats and sys._gil_stats() add up: held + waited <= wall;
  - a tiny ring (-X gil-trace-buffer) wraps and says so;
  - bad option values fail with a message, not a crash.

Nothing here times anything: assertions are about order and structure.

Usage: check_trace.py --gilpy PATH   -> PASS/FAIL lines, "N passed, N failed"
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

STATES = {
    'running': 'held', 'gc': 'held', 'wants GIL': 'wants',
    'I/O: other': 'io', 'I/O: sleep': 'io', 'I/O: file': 'io', 'I/O: socket': 'io',
    'I/O: HTTP': 'io', 'I/O: event loop': 'io', 'I/O: process': 'io',
    'blocked: lock': 'blocked', 'blocked: join': 'blocked', 'blocked: queue': 'blocked',
}
INSTANTS = {'forced switch', 'ring wrapped: earlier events dropped'}
RUNNING_COLOR = '#2e9d3a'
GC_COLOR = '#8e44ad'

# Two CPU-bound threads (forced switches), a sleeper that renames itself, a
# thread blocked on a lock, and the main thread joining them all.
THREADED = r'''
import threading, time, sys

def countdown(n):
    while n > 0:
        n -= 1

def sleeper():
    threading.current_thread().name = 'renamed sleeper'
    for _ in range(5):
        time.sleep(0.003)

lock = threading.Lock()
lock.acquire()
waiter_runs = threading.Event()
def waiter():
    waiter_runs.set()
    with lock:
        pass

sys.setswitchinterval(0.001)
threads = [threading.Thread(target=countdown, args=(1_500_000,)) for _ in range(2)]
threads.append(threading.Thread(target=sleeper, name='sleepy'))
threads.append(threading.Thread(target=waiter, name='lock waiter'))
for t in threads:
    t.start()
# The waiter must reach the lock before it is released, however slowly it
# gets its first turn on the GIL (sanitizer builds are slow).
waiter_runs.wait()
time.sleep(0.02)
lock.release()
for t in threads:
    t.join()
import os
r, w = os.pipe()
os.write(w, b'x')
os.read(r, 1)
print('done')
'''

# Threads blocked on what issue 7 names: a join, a queue get (Queue and
# SimpleQueue) and a queue put on a full queue. Each blocker is released only
# once it is known to wait (its waiter is queued on the condition), plus a
# moment for it to reach the lock, so the trace shows the wait.
WAITS = r'''
import queue, threading, time

def released_when_waiting(cond):
    while not cond._waiters:
        time.sleep(0.001)
    time.sleep(0.02)

def released_when_joined(thread):
    # A join blocks on the thread's end lock (gilpy's threading.py).
    while not thread._end._waiting():
        time.sleep(0.001)

full = queue.Queue(maxsize=1)
full.put('first')
empty = queue.Queue()
simple = queue.SimpleQueue()
gate = threading.Event()
slow = threading.Thread(target=gate.wait, name='slow')
slow.start()
threads = [
    threading.Thread(target=slow.join, name='joiner'),
    threading.Thread(target=empty.get, name='queue getter'),
    threading.Thread(target=full.put, args=('second',), name='queue putter'),
    threading.Thread(target=simple.get, name='simple getter'),
]
for t in threads:
    t.start()
released_when_waiting(gate._cond)
released_when_joined(slow)
gate.set()
released_when_waiting(empty.not_empty)
empty.put(1)
released_when_waiting(full.not_full)
full.get()
released_when_waiting(simple._count._cond)
simple.put(2)
for t in threads:
    t.join()
print('done')
'''

STATS = r'''
import sys, threading, time
first = sys._gil_stats()
def work():
    n = 300_000
    while n > 0:
        n -= 1
    time.sleep(0.002)
ts = [threading.Thread(target=work, name='w%d' % i) for i in range(2)]
for t in ts: t.start()
for t in ts: t.join()
s = sys._gil_stats()
assert set(s) >= {'switches', 'forced_switches', 'threads', 'since'}, s
assert isinstance(s['switches'], int) and s['switches'] >= first['switches']
for name, d in s['threads'].items():
    assert set(d) == {'held', 'waited', 'io', 'blocked', 'gc', 'wall', 'forced_switches'}, d
    assert d['held'] + d['waited'] <= d['wall'] + 1e-6, (name, d)
    assert d['held'] + d['waited'] + d['io'] + d['blocked'] <= d['wall'] + 1e-6, (name, d)
    assert d['gc'] <= d['held'] + 1e-9, (name, d)
print(sorted(s['threads']))
'''

FORK = r'''
import os, sys, threading
pid = os.fork()
if pid == 0:
    s = sys._gil_stats()
    print('child', sorted(s['threads']), flush=True)
    sys.exit(0)  # the normal exit path: must not write the parent's file
os.waitpid(pid, 0)
t = threading.Thread(target=lambda: None, name='after fork')
t.start()
t.join()
print('parent', flush=True)
'''

RENAMED_MAIN = r'''
import threading
threading.current_thread().name = 'Boss'
x = [1]
'''


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def run(gilpy, args, source, tmp, env=None, expect_status=0):
    path = os.path.join(tmp, 'prog.py')
    with open(path, 'w') as f:
        f.write(source)
    full_env = dict(os.environ)
    full_env.update(env or {})
    proc = subprocess.run([gilpy] + args + [path], capture_output=True, text=True,
                          timeout=300, env=full_env, stdin=subprocess.DEVNULL)
    check(proc.returncode == expect_status,
          'exit status %s (expected %s); stderr: %s' % (proc.returncode, expect_status,
                                                         proc.stderr[-1500:]))
    return proc


def load_trace(path):
    with open(path) as f:
        data = json.load(f)
    check(isinstance(data, dict) and isinstance(data.get('traceEvents'), list),
          'no traceEvents list')
    names = {}
    tracks = {}
    instants = []
    pids = set()
    for ev in data['traceEvents']:
        ph = ev.get('ph')
        check(ph in ('M', 'X', 'i'), 'unexpected phase %r' % ev)
        pids.add(ev['pid'])
        if ph == 'M':
            if ev['name'] == 'thread_name':
                names[ev['tid']] = ev['args']['name']
            continue
        check(isinstance(ev['ts'], (int, float)) and ev['ts'] >= 0, 'bad ts %r' % ev)
        if ph == 'i':
            check(ev['name'] in INSTANTS, 'undocumented instant %r' % ev['name'])
            instants.append(ev)
            continue
        check(ev['name'] in STATES, 'undocumented state %r' % ev['name'])
        check(ev.get('cat') == STATES[ev['name']], 'wrong category %r' % ev)
        check(ev['dur'] >= 0, 'negative duration %r' % ev)
        tracks.setdefault(ev['tid'], []).append(ev)
    check(len(pids) == 1, 'several pids %r' % pids)
    for tid, events in tracks.items():
        check(tid in names, 'track %s has no thread_name' % tid)
        last_end = -1.0
        last_ts = -1.0
        for ev in events:
            check(ev['ts'] >= last_ts, 'timestamps go back on %s at %r' % (names[tid], ev))
            # Segments of one thread follow each other; 1 ns of print rounding.
            check(ev['ts'] + 0.001 >= last_end, 'segments overlap on %s at %r'
                  % (names[tid], ev))
            last_ts = ev['ts']
            last_end = ev['ts'] + ev['dur']
    return data, names, tracks, instants


def check_one_holder(tracks, names):
    held = []
    for tid, events in tracks.items():
        for ev in events:
            if STATES[ev['name']] == 'held' and ev['dur'] > 0:
                held.append((ev['ts'], ev['ts'] + ev['dur'], tid))
    held.sort()
    for (s1, e1, t1), (s2, e2, t2) in zip(held, held[1:]):
        check(t1 == t2 or e1 <= s2 + 0.0005,
              'two threads hold the GIL at once: %s until %.3f, %s from %.3f'
              % (names[t1], e1, names[t2], s2))
    return len(held)


def check_svg(path, expect_names):
    tree = ET.parse(path)  # raises on malformed XML
    root = tree.getroot()
    ns = '{http://www.w3.org/2000/svg}'
    check(root.tag == ns + 'svg', 'root is %r' % root.tag)
    texts = [''.join(t.itertext()) for t in root.iter(ns + 'text')]
    for name in expect_names:
        check(any(name in t for t in texts), 'SVG has no label %r' % name)
    check(any('running' in t for t in texts), 'SVG has no legend')
    check(any(re.search(r'\d+ (s|ms|\u00b5s)$', t) for t in texts), 'SVG has no axis ticks')
    held = []
    lanes = 0
    for g in root.iter(ns + 'g'):
        if g.get('class') != 'lane':
            continue
        lanes += 1
        for r in g.iter(ns + 'rect'):
            if r.get('fill') in (RUNNING_COLOR, GC_COLOR) and r.find(ns + 'title') is not None:
                x = float(r.get('x'))
                held.append((x, x + float(r.get('width')), g.get('data-thread')))
    check(lanes >= len(expect_names), 'SVG has %d lanes' % lanes)
    held.sort()
    for (s1, e1, l1), (s2, e2, l2) in zip(held, held[1:]):
        check(l1 == l2 or e1 <= s2, 'SVG draws lanes %s and %s running at x=%.0f' % (l1, l2, s2))
    return lanes


def stats_table(stderr):
    rows = {}
    for line in stderr.splitlines():
        m = re.match(r'(.{24}) +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) +(\d+)$',
                     line)
        if m:
            wall, held, waited, io, blocked, gc = map(float, m.groups()[1:7])
            rows[m.group(1).strip()] = dict(wall=wall, held=held, waited=waited, io=io,
                                           blocked=blocked, gc=gc)
    return rows


def test_threaded_trace(gilpy, tmp):
    js = os.path.join(tmp, 't.json')
    svg = os.path.join(tmp, 't.svg')
    proc = run(gilpy, ['-X', 'gil-trace=' + js, '-X', 'gil-trace=' + svg, '-X', 'gil-stats'],
               THREADED, tmp)
    check(proc.stdout == 'done\n', 'stdout %r' % proc.stdout)
    data, names, tracks, instants = load_trace(js)
    expected = ['MainThread', 'Thread-1 (countdown)', 'Thread-2 (countdown)', 'renamed sleeper',
                'lock waiter']
    for name in expected:
        check(name in names.values(), 'no track named %r (have %r)' % (name, names))
    by_name = {names[tid]: [ev['name'] for ev in evs] for tid, evs in tracks.items()}
    check('I/O: sleep' in by_name['renamed sleeper'], 'the sleeper never sleeps: %r'
          % by_name['renamed sleeper'])
    check('running' in by_name['Thread-1 (countdown)'], 'a countdown never runs')
    check('blocked: lock' in by_name['lock waiter'], 'the lock waiter never blocks: %r'
          % by_name['lock waiter'])
    check('I/O: file' in by_name['MainThread'], 'os.read is not a file wait: %r'
          % by_name['MainThread'])
    check(any(ev['name'] == 'forced switch' for ev in instants), 'no forced switch recorded')
    check(data['otherData']['forced_switches'] >= 1, 'otherData %r' % data['otherData'])
    check(check_one_holder(tracks, names) > 4, 'too few running segments')
    check_svg(svg, expected)
    rows = stats_table(proc.stderr)
    for name in ('MainThread', 'Thread-1 (countdown)', 'lock waiter'):
        check(name in rows, 'gil-stats has no row %r: %s' % (name, proc.stderr))
    for name, r in rows.items():
        check(r['held'] + r['waited'] <= r['wall'] + 0.002, 'stats do not add up for %s: %r'
              % (name, r))


def test_wait_kinds(gilpy, tmp):
    # Thread.join() shows as "blocked: join", queue waits as "blocked: queue".
    js = os.path.join(tmp, 'k.json')
    proc = run(gilpy, ['-X', 'gil-trace=' + js], WAITS, tmp)
    check(proc.stdout == 'done\n', 'stdout %r' % proc.stdout)
    data, names, tracks, instants = load_trace(js)
    by_name = {names[tid]: {ev['name'] for ev in evs} for tid, evs in tracks.items()}
    expect = {'joiner': 'blocked: join',
              'queue getter': 'blocked: queue', 'queue putter': 'blocked: queue',
              'simple getter': 'blocked: queue', 'slow': 'blocked: lock'}
    for name, state in expect.items():
        check(name in by_name, 'no track named %r (have %r)' % (name, sorted(by_name)))
        check(state in by_name.get(name, ()), '%s never shows %r: %r'
              % (name, state, sorted(by_name.get(name, ()))))
    check_one_holder(tracks, names)


def test_ring_wraps(gilpy, tmp):
    js = os.path.join(tmp, 'w.json')
    proc = run(gilpy, ['-X', 'gil-trace=' + js, '-X', 'gil-trace-buffer=16'], THREADED, tmp)
    check('wrapped' in proc.stderr and 'gil-trace-buffer' in proc.stderr,
          'no wrap note on stderr: %r' % proc.stderr)
    data, names, tracks, instants = load_trace(js)
    wrapped = [ev for ev in data['traceEvents'] if ev['name'] == 'gilpy_ring_wrapped']
    check(wrapped and wrapped[0]['args']['dropped_events'] > 0, 'no wrap metadata event')
    check(any(ev['name'].startswith('ring wrapped') for ev in instants), 'no wrap instant')
    for tid, events in tracks.items():
        check(len(events) <= 16, 'track %s kept %d events' % (names[tid], len(events)))
    check_one_holder(tracks, names)


def test_environment(gilpy, tmp):
    svg = os.path.join(tmp, 'env.svg')
    run(gilpy, [], RENAMED_MAIN, tmp, env={'GILPY_GIL_TRACE': svg})
    check_svg(svg, ['Boss'])
    # -E ignores the variable.
    os.remove(svg)
    run(gilpy, ['-E'], RENAMED_MAIN, tmp, env={'GILPY_GIL_TRACE': svg})
    check(not os.path.exists(svg), '-E did not ignore GILPY_GIL_TRACE')


def test_stats_api(gilpy, tmp):
    proc = run(gilpy, [], STATS, tmp)
    check(proc.stdout.strip() == "['MainThread', 'w0', 'w1']", 'stats threads %r' % proc.stdout)
    proc = run(gilpy, ['-X', 'gil-stats'], STATS, tmp)
    check(proc.stdout.strip() == "['MainThread', 'w0', 'w1']", 'stats threads %r' % proc.stdout)
    check('gilpy GIL statistics' in proc.stderr, 'no table on stderr: %r' % proc.stderr)


def test_bad_options(gilpy, tmp):
    proc = run(gilpy, ['-X', 'gil-trace-buffer=abc'], 'print(1)\n', tmp, expect_status=1)
    check('gil-trace-buffer' in proc.stderr and proc.stdout == '', proc.stderr)
    proc = run(gilpy, ['-X', 'gil-trace=' + os.path.join(tmp, 'no', 'such', 'dir.json')],
               'print(1)\n', tmp, expect_status=1)
    check('cannot write the GIL trace' in proc.stderr and proc.stdout == '', proc.stderr)
    proc = run(gilpy, ['-X', 'gil-trace='], 'print(1)\n', tmp, expect_status=1)
    check('needs a file name' in proc.stderr, proc.stderr)


def test_exit_paths(gilpy, tmp):
    # An uncaught exception and sys.exit() still write a complete trace.
    js = os.path.join(tmp, 'e.json')
    run(gilpy, ['-X', 'gil-trace=' + js], 'import sys\nsys.exit(3)\n', tmp, expect_status=3)
    load_trace(js)
    run(gilpy, ['-X', 'gil-trace=' + js], 'raise ValueError("x")\n', tmp, expect_status=1)
    load_trace(js)


def test_fork(gilpy, tmp):
    js = os.path.join(tmp, 'f.json')
    proc = run(gilpy, ['-X', 'gil-trace=' + js, '-X', 'gil-stats'], FORK, tmp)
    check(proc.stdout == "child ['MainThread']\nparent\n", 'stdout %r' % proc.stdout)
    check(proc.stderr.count('gilpy GIL statistics') == 1, 'stats printed %d times'
          % proc.stderr.count('gilpy GIL statistics'))
    data, names, tracks, instants = load_trace(js)
    check('after fork' in names.values(), 'names %r' % names)


TESTS = [test_threaded_trace, test_wait_kinds, test_fork, test_ring_wraps, test_environment, test_stats_api,
         test_bad_options, test_exit_paths]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    args = ap.parse_args()
    passed = failed = 0
    for test in TESTS:
        with tempfile.TemporaryDirectory() as tmp:
            try:
                test(os.path.abspath(args.gilpy), tmp)
                print('PASS', test.__name__)
                passed += 1
            except (Failure, AssertionError, ValueError, KeyError, ET.ParseError,
                    subprocess.TimeoutExpired) as exc:
                print('FAIL', test.__name__, '-', exc)
                failed += 1
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
