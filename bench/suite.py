#!/usr/bin/env python3
"""The benchmark suite: every scenario in bench/, gilpy beside CPython (and
CPython + uvloop where a loop is measured), in one command.

    bench/suite.py [--gilpy build/gilpy] [--python python3] [--quick]
                   [--rounds N] [--realtime] [--only SCENARIO,...]
                   [--interpreters gilpy,cpython,uvloop] [--out DIR]

Writes DIR/latest.json (every figure, the machine, the versions), DIR/latest.md
(one table per scenario) and DIR/plots/*.svg (drawn by bench/svgplot.py);
DIR is bench/results unless --out says otherwise. `make bench` runs it in
full; `make bench-quick` (and the bench_smoke meson test) run --quick, which
shrinks every scenario to finish in under a minute on a 2-core machine.

Design notes. The suite measures nothing itself: each scenario is a script
that runs unchanged under every interpreter, times its own work and prints
its figures; the suite runs it as a subprocess with the script's own flags
and parses what it prints. Scenarios whose figures compare two situations
(two threads against one, I/O beside CPU threads against alone, idle loop
against busy loop) take both in the same process run, so that each figure
is a ratio or a distribution from one run, not a difference between runs
made at different moments of a shared machine's load. Interpreters are run
in turn within each round (gilpy, CPython, gilpy, CPython, ...) so that
drift in the machine's load hits all of them alike, and a scalar figure is
the median over the rounds; a distribution is the one from the last round.

The interpreters: gilpy; CPython as `python3` (--python); and CPython with
uvloop as /usr/bin/python3 when it can import uvloop (Debian's
python3-uvloop), for the scenarios that measure an asyncio loop. Scenarios
that need the aiohttp client on CPython use whichever of the two CPythons
can import it. A scenario or interpreter that cannot run is recorded with
the reason instead of a number; nothing is ever estimated.

Scenarios: cpu (the seeds' countdown with 1 thread, 2 threads, 2 processes;
fib), micro (the interpreter micro-benchmarks bench/*.py of bench/run.py),
overlap (sleep, file, network, HTTP: sequential vs threads vs coroutines),
lag (event-loop lateness idle and beside 1 and 2 CPU threads), convoy (I/O
throughput alone vs beside CPU threads for several op sizes), handoff (GIL
hand-over latency request -> grant), echo (bench/echo/run.py) and http
(bench/http/run.py, or its client directly in quick mode), startup
(bench/startup.py: `-I -c pass` beside /bin/true) and trace
(bench/trace_cost.py: what the GIL trace hooks cost, off and on). Each scenario's
workload in both modes is in PARAMS below; the time each took is printed
as it ends and kept in latest.json.
"""

import argparse
import datetime
import glob
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import svgplot  # noqa: E402

SCENARIOS = ['cpu', 'micro', 'overlap', 'lag', 'convoy', 'handoff', 'echo', 'http', 'startup',
             'trace']
LABELS = {'gilpy': 'gilpy', 'cpython': 'CPython', 'uvloop': 'CPython + uvloop'}
# Colour of each interpreter in every plot (an index into svgplot.PALETTE).
COLOURS = {'gilpy': 0, 'cpython': 1, 'uvloop': 2}
# Each scenario's workload in full mode and in quick mode. Quick mode
# (`make bench-quick` and the bench_smoke test) must finish in under a
# minute on a shared 2-core machine, so every figure there comes from a
# small workload: it shows that the machinery works and gives a first
# figure, nothing more. Full mode is what the README's table is made from.
PARAMS = {
    # Seeds' countdown count (1 thread, 2 threads, 2 processes) and fib(30)
    # repetitions.
    'cpu': {'full': {'count': 100_000_000, 'fib_repeat': 8},
            'quick': {'count': 1_000_000, 'fib_repeat': 1}},
    # Which bench/*.py micro-benchmarks (None: all); they have no size knob.
    'micro': {'full': {'scripts': None}, 'quick': {'scripts': ['float_repr']}},
    # N waits of WAIT seconds, sequentially, with threads, with coroutines.
    'overlap': {'full': {'n': 20, 'wait': 0.2}, 'quick': {'n': 5, 'wait': 0.02}},
    # Wake-ups per phase and the time budget of each phase (s).
    'lag': {'full': {'rounds': 2000, 'budget': 5}, 'quick': {'rounds': 100, 'budget': 0.2}},
    # I/O operations per op size and phase, and each phase's budget (s).
    'convoy': {'full': {'ops': 3000, 'budget': 3}, 'quick': {'ops': 50, 'budget': 0.1}},
    # Hand-overs per phase and each phase's budget (s).
    'handoff': {'full': {'rounds': 2000, 'budget': 4}, 'quick': {'rounds': 200, 'budget': 0.3}},
    # Seconds per message size (rounds: the suite's --rounds in full mode).
    'echo': {'full': {'seconds': 3, 'rounds': None},
             'quick': {'seconds': 0.3, 'rounds': 1, 'sizes': '1024'}},
    # Quick mode drives bench/http/client.py directly: (mode, requests,
    # concurrency); full mode runs bench/http/run.py.
    'http': {'full': {'workloads': None},
             'quick': {'workloads': [('delay_async', 20, 20)]}},
    # Runs of each start-up command (bench/startup.py).
    'startup': {'full': {'runs': 100}, 'quick': {'runs': 5}},
    # bench/trace_cost.py: countdown count, fib(30) repetitions, runs of each
    # configuration, and whether to build and measure the -Dgil_trace=false
    # configuration (minutes of compiling: full mode only).
    'trace': {'full': {'count': 100_000_000, 'fib_repeat': 8, 'runs': 7, 'notrace': True},
              'quick': {'count': 1_000_000, 'fib_repeat': 1, 'runs': 1, 'notrace': False}},
}
# bench/*.py timed scripts the micro table leaves out: fib has the cpu
# scenario's own row. Which files are timed at all, bench/run.py decides.
NOT_MICRO = {'fib.py'}


class Interpreter:
    """One interpreter under test: [key] names it in the JSON, [argv] runs it."""

    def __init__(self, key, argv, version, path):
        self.key = key
        self.argv = argv
        self.version = version
        self.path = path

    def label(self):
        return LABELS.get(self.key, self.key)


class Suite:
    """The options, the machine and the interpreters of one suite run."""

    def __init__(self, args):
        self.args = args
        self.quick = args.quick
        self.rounds = args.rounds or (1 if args.quick else 3)
        self.realtime = []
        self.notes = []
        if args.realtime:
            if shutil.which('chrt') and os.geteuid() == 0:
                # SCHED_FIFO keeps the other work on a shared machine from
                # delaying the hand-overs and wake-ups being measured.
                self.realtime = ['chrt', '-f', '10']
            else:
                self.notes.append('--realtime asked for, but chrt or root is missing: '
                                  'ran at normal priority')
        self.interpreters = find_interpreters(args)
        self.aio_python = find_aiohttp_python(args)

    def params(self, scenario):
        """The workload of [scenario] in this run's mode (PARAMS)."""
        return PARAMS[scenario]['quick' if self.quick else 'full']

    def pick(self, *keys):
        """The interpreters among [keys] that this run measures, in order."""
        return [self.interpreters[k] for k in keys if k in self.interpreters]


def capture(argv, timeout=60, cwd=None):
    """Run [argv]; returns (stdout, None) or (stdout, why it failed)."""
    try:
        proc = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, errors='replace', timeout=timeout)
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode('utf-8', 'replace') if isinstance(e.stdout, bytes) else ''
        return out or '', 'timed out after %d s' % timeout
    except OSError as e:
        return '', 'cannot run %s: %s' % (argv[0], e.strerror)
    if proc.returncode != 0:
        last = proc.stderr.strip().splitlines()[-1:] or ['']
        return proc.stdout, 'exit %d: %s' % (proc.returncode, last[0][:160])
    return proc.stdout, None


def version_of(argv, code):
    out, err = capture(argv + ['-c', code], timeout=30)
    return None if err else out.strip()


def find_interpreters(args):
    wanted = args.interpreters.split(',')
    found = {}
    gilpy = os.path.abspath(args.gilpy)
    if 'gilpy' in wanted:
        if not os.access(gilpy, os.X_OK):
            raise SystemExit('suite: no gilpy at %s (build it, or pass --gilpy)' % gilpy)
        out, _ = capture([gilpy, '--version'], timeout=30)
        found['gilpy'] = Interpreter('gilpy', [gilpy], out.strip() or 'gilpy', gilpy)
    if 'cpython' in wanted:
        # Resolve wrappers such as pyenv shims, which would add their own start-up time.
        # One start-up of CPython (slow on a loaded machine) for both facts.
        out = version_of([args.python],
                         'import sys; print(sys.executable, sys.version.split()[0])')
        if out and len(out.split()) == 2:
            path, version = out.split()
            found['cpython'] = Interpreter('cpython', [path], 'CPython ' + version, path)
    if 'uvloop' in wanted and os.path.exists('/usr/bin/python3'):
        version = version_of(['/usr/bin/python3'],
                             'import sys, uvloop; print(sys.version.split()[0], '
                             'uvloop.__version__)')
        if version:
            py, uv = version.split()
            found['uvloop'] = Interpreter('uvloop', ['/usr/bin/python3'],
                                          'CPython %s + uvloop %s' % (py, uv),
                                          '/usr/bin/python3')
    return found


def find_aiohttp_python(args):
    """The CPython that can import aiohttp, for the HTTP scenarios, or None."""
    if 'cpython' not in args.interpreters.split(','):
        return None
    for candidate in (args.python, '/usr/bin/python3'):
        out = version_of([candidate], 'import sys, aiohttp; print(sys.executable, '
                         'sys.version.split()[0], aiohttp.__version__)')
        if out and len(out.split()) == 3:
            path, py, aio = out.split()
            return Interpreter('cpython', [path], 'CPython %s + aiohttp %s' % (py, aio), path)
    return None


def machine_info():
    model = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    model = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    return {'cores': os.cpu_count(), 'kernel': platform.release(), 'arch': platform.machine(),
            'cpu': model, 'load_start': round(os.getloadavg()[0], 2)}


def result_lines(stdout):
    """The JSON objects of a scenario script's `result {json}` lines."""
    rows = []
    for line in stdout.splitlines():
        if line.startswith('result '):
            rows.append(json.loads(line[7:]))
    return rows


# --- Collecting figures -----------------------------------------------------

class Table:
    """The figures of one scenario: rows of (name, unit) with one value per
    interpreter, the median of the rounds; plus optional distributions."""

    def __init__(self, title, about, keys):
        self.title = title
        self.about = about
        self.keys = keys
        self.samples = {}
        self.units = {}
        self.order = []
        self.errors = {}
        self.distributions = {}
        self.extra = {}

    def add(self, key, name, unit, value):
        if name not in self.units:
            self.units[name] = unit
            self.order.append(name)
        if value is not None:
            self.samples.setdefault(name, {}).setdefault(key, []).append(value)

    def fail(self, key, why):
        self.errors.setdefault(key, why)

    def to_json(self):
        rows = []
        for name in self.order:
            values = {}
            for key in self.keys:
                got = self.samples.get(name, {}).get(key)
                values[key] = round(statistics.median(got), 6) if got else None
            rows.append({'name': name, 'unit': self.units[name], 'values': values,
                         'runs': self.samples.get(name, {})})
        out = {'title': self.title, 'about': self.about, 'interpreters': self.keys,
               'rows': rows, 'errors': self.errors}
        if self.distributions:
            out['distributions'] = self.distributions
        out.update(self.extra)
        return out


def alternate(suite, interps, measure):
    """Call measure(interp) for each interpreter in turn, --rounds times;
    an interpreter that failed once is not run again (it would fail again
    and cost the time of a timeout)."""
    failed = set()
    for _ in range(suite.rounds):
        for interp in interps:
            if interp.key not in failed and not measure(interp):
                failed.add(interp.key)


def run_cpu(suite):
    interps = suite.pick('gilpy', 'cpython')
    table = Table('CPU-bound: the seeds\' countdown and fib',
                  'demos/seeds/*.py and bench/fib.py. The ratios are of runs made one after '
                  'another in the same round; lower is better.',
                  [i.key for i in interps])
    params = suite.params('cpu')
    count, fib_repeat = params['count'], params['fib_repeat']
    seeds = [('countdown, 1 thread', 'single_threaded.py'),
             ('countdown, 2 threads', 'multi_threaded.py'),
             ('countdown, 2 processes', 'multiprocess_pool.py')]

    def measure(interp):
        times = {}
        for name, script in seeds:
            out, err = capture(suite.realtime + interp.argv +
                               [os.path.join(ROOT, 'demos', 'seeds', script), str(count)],
                               timeout=600)
            found = re.search(r'([\d.]+) s\s*$', out.strip())
            if err or not found:
                table.fail(interp.key, '%s: %s' % (script, err or 'no time printed'))
                return False
            times[name] = float(found.group(1))
            table.add(interp.key, '%s (%s), s' % (name, fmt_count(count)), 's', times[name])
        one = times['countdown, 1 thread']
        table.add(interp.key, '2 threads / 1 thread', 'ratio',
                  times['countdown, 2 threads'] / one)
        table.add(interp.key, '2 processes / 1 thread', 'ratio',
                  times['countdown, 2 processes'] / one)
        out, err = capture(suite.realtime + interp.argv +
                           [os.path.join(HERE, 'fib.py'), str(fib_repeat)], timeout=600)
        found = re.search(r'elapsed ([\d.e-]+)', out)
        if err or not found:
            table.fail(interp.key, 'fib.py: %s' % (err or 'no elapsed line'))
            return False
        table.add(interp.key, 'fib(30) x%d, s' % fib_repeat, 's', float(found.group(1)))
        return True
    alternate(suite, interps, measure)
    return table


def fmt_count(n):
    return '%dM' % (n // 1_000_000) if n >= 1_000_000 else str(n)


def run_micro_script(suite, interp, script):
    """The seconds a micro-benchmark reports on its `elapsed` line, or why
    there are none. Run from bench/, as bench/run.py runs them."""
    out, err = capture(suite.realtime + interp.argv + [os.path.basename(script)],
                       timeout=300, cwd=HERE)
    found = re.search(r'^elapsed ([\d.e-]+)$', out, re.M)
    if err or not found:
        return err or 'no elapsed line'
    return float(found.group(1))


def run_micro(suite):
    interps = suite.pick('gilpy', 'cpython')
    table = Table('Interpreter micro-benchmarks',
                  'bench/*.py as bench/run.py runs them: seconds, median of the rounds; '
                  'lower is better.', [i.key for i in interps])
    from run import is_timed_script  # bench/run.py, beside this file
    scripts = sorted(p for p in glob.glob(os.path.join(HERE, '*.py'))
                     if os.path.basename(p) not in NOT_MICRO and is_timed_script(p))
    wanted = suite.params('micro')['scripts']
    if wanted is not None:
        scripts = [p for p in scripts if os.path.basename(p)[:-3] in wanted]
    broken = set()
    for _ in range(suite.rounds):
        for script in scripts:
            name = os.path.basename(script)[:-3]
            for interp in interps:
                if (interp.key, name) in broken:
                    continue
                value = run_micro_script(suite, interp, script)
                if isinstance(value, float):
                    table.add(interp.key, name + ', s', 's', value)
                else:
                    table.add(interp.key, name + ', s', 's', None)
                    table.fail(interp.key, '%s: %s' % (name, value))
                    broken.add((interp.key, name))
    return table


OVERLAP_ROW = re.compile(r'^\s+(sequential|threads|coroutines)\s+(?:([\d.]+) s\s+ideal\s+'
                         r'([\d.]+) s.*|(.*))$')


def run_overlap(suite, server_url):
    interps = suite.pick('gilpy', 'cpython')
    table = Table('Overlap: N waits sequentially, with threads, with coroutines',
                  'demos/overlap_{sleep,files,network}.py and bench/overlap/fetch.py: wall '
                  'seconds; the ideal is N x the wait sequentially and one wait when the '
                  'waits overlap. HTTP on CPython uses the CPython that has aiohttp.',
                  [i.key for i in interps])
    n, wait = suite.params('overlap')['n'], suite.params('overlap')['wait']
    kinds = [('sleep', [os.path.join(ROOT, 'demos', 'overlap_sleep.py')]),
             ('file', [os.path.join(ROOT, 'demos', 'overlap_files.py')]),
             ('network', [os.path.join(ROOT, 'demos', 'overlap_network.py')]),
             ('HTTP', [os.path.join(HERE, 'overlap', 'fetch.py')])]
    ideals = {}

    def measure(interp):
        for kind, script in kinds:
            argv = interp.argv
            if kind == 'HTTP':
                if server_url is None:
                    table.fail(interp.key, 'HTTP: demos/http_server.py did not start')
                    continue
                if interp.key == 'cpython':
                    if suite.aio_python is None:
                        table.fail('cpython', 'HTTP coroutines: no CPython with aiohttp')
                    else:
                        argv = suite.aio_python.argv
            extra = [server_url] if kind == 'HTTP' else []
            out, err = capture(suite.realtime + argv + script + [str(n), str(wait)] + extra,
                               timeout=300, cwd=os.path.join(ROOT, 'demos'))
            if err:
                table.fail(interp.key, '%s: %s' % (kind, err))
                continue
            for line in out.splitlines():
                row = OVERLAP_ROW.match(line)
                if not row:
                    continue
                variant = row.group(1)
                ideal = n * wait if variant == 'sequential' else wait
                name = '%s, %s (ideal %g)' % (kind, variant, ideal)
                ideals[name] = ideal
                value = float(row.group(2)) if row.group(2) else None
                if value is None:
                    table.fail(interp.key, '%s: %s' % (name, row.group(4).strip()))
                table.add(interp.key, name + ', s', 's', value)
        return True
    alternate(suite, interps, measure)
    table.extra['ideal_s'] = ideals
    table.extra['n'] = n
    table.extra['wait_s'] = wait
    return table


def run_lag(suite):
    interps = suite.pick('gilpy', 'cpython', 'uvloop')
    table = Table('Event-loop lag: lateness of asyncio.sleep(0.001)',
                  'bench/lag/loop_lag.py: how late each 1 ms timer fires, in ms, idle and '
                  'beside CPU-bound threads, all in one process run; lower is better.',
                  [i.key for i in interps])
    params = suite.params('lag')
    flags = ['--rounds', str(params['rounds']), '--budget', str(params['budget'])]

    def measure(interp):
        argv = interp.argv + [os.path.join(HERE, 'lag', 'loop_lag.py')] + flags
        if interp.key == 'uvloop':
            argv.append('--uvloop')
        out, err = capture(suite.realtime + argv, timeout=120)
        rows = result_lines(out)
        if err or not rows:
            table.fail(interp.key, err or 'no result lines')
            return False
        for r in rows:
            for q, label in (('p50_ms', 'p50'), ('p99_ms', 'p99'), ('p999_ms', 'p99.9'),
                             ('max_ms', 'max')):
                table.add(interp.key, '%s, %s ms' % (r['phase'], label), 'ms', r[q])
            table.distributions.setdefault(interp.key, {})[r['phase']] = r['samples_ms']
        return True
    alternate(suite, interps, measure)
    return table


def run_convoy(suite):
    interps = suite.pick('gilpy', 'cpython')
    table = Table('Convoy: an I/O thread alone and beside CPU-bound threads',
                  'bench/convoy/io_beside_cpu.py: operations/s alone, and the share of it '
                  'kept beside 1 and 2 spinning threads (%, higher is better), in one run. '
                  'Over 100% means the round trips got faster beside busy CPUs: a CPU that '
                  'idles between operations can be slow to wake (virtual machines especially).',
                  [i.key for i in interps])
    params = suite.params('convoy')
    flags = ['--ops', str(params['ops']), '--budget', str(params['budget'])]

    def measure(interp):
        out, err = capture(suite.realtime + interp.argv +
                           [os.path.join(HERE, 'convoy', 'io_beside_cpu.py')] + flags,
                           timeout=300)
        rows = result_lines(out)
        if err or not rows:
            table.fail(interp.key, err or 'no result lines')
            return False
        for r in rows:
            table.add(interp.key, '%s: alone, ops/s' % r['op'], 'ops/s', r['alone_ops_per_s'])
            table.add(interp.key, '%s: kept beside 1 CPU thread, %%' % r['op'], '%',
                      r['beside_1cpu_pct'])
            table.add(interp.key, '%s: kept beside 2 CPU threads, %%' % r['op'], '%',
                      r['beside_2cpu_pct'])
        return True
    alternate(suite, interps, measure)
    return table


def run_handoff(suite):
    interps = suite.pick('gilpy', 'cpython')
    table = Table('GIL hand-over latency: request -> grant',
                  'bench/handoff/handoff.py: two threads ping-pong through Events; the time '
                  'from one setting the Event to the other running again, in microseconds; '
                  'lower is better.', [i.key for i in interps])
    params = suite.params('handoff')
    flags = ['--rounds', str(params['rounds']), '--budget', str(params['budget'])]

    def measure(interp):
        out, err = capture(suite.realtime + interp.argv +
                           [os.path.join(HERE, 'handoff', 'handoff.py')] + flags, timeout=120)
        rows = result_lines(out)
        if err or not rows:
            table.fail(interp.key, err or 'no result lines')
            return False
        for r in rows:
            for q, label in (('p50_us', 'p50'), ('p99_us', 'p99'), ('max_us', 'max')):
                table.add(interp.key, '%s, %s us' % (r['phase'], label), 'us', r[q])
            table.distributions.setdefault(interp.key, {})[r['phase']] = r['samples_us']
        return True
    alternate(suite, interps, measure)
    return table


ECHO_ROW = re.compile(r'^(gilpy|cpython asyncio|cpython \+ uvloop)\s+(\d+)\s+([\d.]+)\s+'
                      r'([\d.]+)\s+([\d.]+)\s+\S+$')


def run_echo(suite):
    keys = [k for k in ('gilpy', 'cpython', 'uvloop') if k in suite.interpreters]
    table = Table('Echo server on asyncio streams',
                  'bench/echo/run.py (C load generator, 10 connections on loopback; its '
                  'CPython is /usr/bin/python3): requests/s (higher is better) and p99 '
                  'latency in microseconds, best of its rounds.', keys)
    if 'gilpy' not in suite.interpreters:
        table.extra['skipped'] = 'needs gilpy'
        return table
    if shutil.which('cc') is None:
        table.extra['skipped'] = 'no C compiler for bench/echo/echo_load.c'
        return table
    params = suite.params('echo')
    flags = ['--seconds', str(params['seconds']),
             '--rounds', str(params['rounds'] or suite.rounds)]
    if params.get('sizes'):
        flags += ['--sizes', params['sizes']]
    out, err = capture(suite.realtime + [sys.executable, os.path.join(HERE, 'echo', 'run.py'),
                                         '--gilpy', suite.interpreters['gilpy'].path] + flags,
                       timeout=900)
    names = {'gilpy': 'gilpy', 'cpython asyncio': 'cpython', 'cpython + uvloop': 'uvloop'}
    for line in out.splitlines():
        row = ECHO_ROW.match(line.strip())
        if not row:
            continue
        key = names[row.group(1)]
        if key not in keys:
            continue
        size = int(row.group(2))
        label = '%d KiB' % (size // 1024) if size >= 1024 else '%d B' % size
        table.add(key, '%s: requests/s' % label, 'req/s', float(row.group(3)))
        table.add(key, '%s: p99 us' % label, 'us', float(row.group(5)))
    if err:
        table.fail('gilpy', err)
    return table


def run_http(suite, server_url):
    keys = [k for k in ('gilpy', 'cpython') if k in suite.interpreters]
    table = Table('HTTP fetch',
                  'bench/http (libcurl under gilpy; urllib and aiohttp under CPython): '
                  'requests/s (higher is better) and latency p50/p99 in ms.', keys)
    client = os.path.join(HERE, 'http', 'client.py')
    if not os.path.exists(client) or 'gilpy' not in suite.interpreters:
        table.extra['skipped'] = 'bench/http is not present'
        return table
    interps = [suite.interpreters['gilpy']]
    if 'cpython' in keys:
        if suite.aio_python is None:
            table.fail('cpython', 'no CPython with aiohttp')
        else:
            interps.append(suite.aio_python)
    labels = {'delay_async': '/delay/100, asyncio', 'delay_threads': '/delay/100, threads',
              'small_async': 'small body, asyncio', 'small_threads': 'small body, threads'}

    def add(key, mode, n, conc, rps, p50, p99):
        label = '%s (%d x %d)' % (labels.get(mode, mode), n, conc)
        table.add(key, label + ': requests/s', 'req/s', rps)
        table.add(key, label + ': p50 ms', 'ms', p50)
        table.add(key, label + ': p99 ms', 'ms', p99)

    if suite.quick:
        # bench/http/run.py has no quick mode (its workloads take minutes): drive
        # its client directly, with small counts, against the suite's server.
        if server_url is None:
            table.fail('gilpy', 'demos/http_server.py did not start')
            return table
        workloads = suite.params('http')['workloads']

        def measure(interp):
            for mode, n, conc in workloads:
                out, err = capture(suite.realtime + interp.argv +
                                   [client, mode, server_url, str(n), str(conc)], timeout=120)
                rows = result_lines(out)
                if err or not rows:
                    table.fail(interp.key, '%s: %s' % (mode, err or 'no result line'))
                    return False
                r = rows[0]
                add(interp.key, mode, n, conc, r['req_per_s'], r['p50_ms'], r['p99_ms'])
            return True
        alternate(suite, interps, measure)
        return table

    argv = [sys.executable, os.path.join(HERE, 'http', 'run.py'),
            '--gilpy', interps[0].path, '--runs', str(suite.rounds)]
    if len(interps) > 1:
        argv += ['--python', interps[1].path]
    out, err = capture(suite.realtime + argv, timeout=1800)
    for line in out.splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) != 10 or not cells[1].isdigit():
            continue
        for key, base in (('gilpy', 3), ('cpython', 6)):
            if key not in keys or cells[base + 1] == '-':
                continue
            p50, p99 = cells[base + 2].split('/')
            add(key, cells[0], int(cells[1]), int(cells[2]), float(cells[base + 1]),
                float(p50), float(p99))
    if err:
        table.fail('gilpy', err)
    return table


def run_startup(suite):
    interps = suite.pick('gilpy', 'cpython')
    table = Table('Start-up: `-I -c pass`',
                  'bench/startup.py: wall time of spawning the interpreter until it exits, '
                  'in ms (median of the runs, made in turn with /bin/true), and the page '
                  'faults of one run. "minus /bin/true" takes away what creating any process '
                  'costs on this machine; lower is better.', [i.key for i in interps])
    if 'gilpy' not in suite.interpreters:
        table.extra['skipped'] = 'needs gilpy'
        return table
    argv = [sys.executable, os.path.join(HERE, 'startup.py'),
            '--gilpy', suite.interpreters['gilpy'].path,
            '--runs', str(suite.params('startup')['runs'])]
    if 'cpython' in suite.interpreters:
        argv += ['--python', suite.interpreters['cpython'].path]
    else:
        argv += ['--python', '/nonexistent']
    if suite.realtime:
        argv.append('--realtime')
    for _ in range(suite.rounds):
        out, err = capture(argv, timeout=300)
        rows = {r['command']: r for r in result_lines(out)}
        if err or not rows:
            table.fail('gilpy', err or 'no result lines')
            break
        if rows.get('/bin/true', {}).get('median_ms') is not None:
            table.extra['true_ms'] = rows['/bin/true']['median_ms']
        for key, prefix in (('gilpy', 'gilpy'), ('cpython', 'python3')):
            if key not in table.keys:
                continue
            for flags in ('-I -c pass', '-I -S -c pass'):
                r = rows.get('%s %s' % (prefix, flags), {})
                if r.get('error'):
                    table.fail(key, r['error'])
                table.add(key, '%s, ms' % flags, 'ms', r.get('median_ms'))
                table.add(key, '%s minus /bin/true, ms' % flags, 'ms', r.get('minus_true_ms'))
                table.add(key, '%s, page faults' % flags, 'faults', r.get('page_faults'))
    return table


def run_trace(suite):
    table = Table('GIL trace hooks: tracing off, hooks compiled out, tracing on',
                  'bench/trace_cost.py: the seeds\' two-thread countdown and fib on gilpy; '
                  '"off / compiled out" is what the hooks cost while tracing is off (1.00: '
                  'nothing), "on / off" what -X gil-trace costs. Medians of runs made in '
                  'turn; the compiled-out build (-Dgil_trace=false) is made in full mode only.',
                  ['gilpy'])
    if 'gilpy' not in suite.interpreters:
        table.extra['skipped'] = 'needs gilpy'
        return table
    params = suite.params('trace')
    argv = [sys.executable, os.path.join(HERE, 'trace_cost.py'),
            '--gilpy', suite.interpreters['gilpy'].path, '--count', str(params['count']),
            '--fib-repeat', str(params['fib_repeat']), '--runs', str(params['runs'])]
    if not params['notrace']:
        argv.append('--no-notrace')
    elif suite.args.notrace:
        argv += ['--notrace', suite.args.notrace]
    if suite.realtime:
        argv.append('--realtime')
    out, err = capture(argv, timeout=1800)
    rows = result_lines(out)
    if err or not rows:
        table.fail('gilpy', err or 'no result lines')
        return table
    for r in rows:
        name = r['workload']
        table.add('gilpy', '%s: tracing off, s' % name, 's', r['off_s'])
        if params['notrace']:
            table.add('gilpy', '%s: hooks compiled out, s' % name, 's', r['compiled_out_s'])
            table.add('gilpy', '%s: off / compiled out' % name, 'ratio',
                      r['off_over_compiled_out'])
        table.add('gilpy', '%s: tracing on, s' % name, 's', r['on_s'])
        table.add('gilpy', '%s: on / off' % name, 'ratio', r['on_over_off'])
    return table


def start_http_server():
    """demos/http_server.py under this CPython: one server that every
    interpreter's fetches go to, so that they all meet the same server."""
    try:
        proc = subprocess.Popen([sys.executable, os.path.join(ROOT, 'demos', 'http_server.py'),
                                 '--port', '0', '--parent-pid', str(os.getpid())],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError:
        return None, None
    line = proc.stdout.readline().split()
    if len(line) < 2 or not line[1].isdigit():
        proc.kill()
        proc.wait()
        return None, None
    return proc, 'http://127.0.0.1:%s' % line[1]


# --- Output -----------------------------------------------------------------

def fmt_value(value, unit):
    if value is None:
        return 'n/a'
    if unit in ('req/s', 'ops/s'):
        return '{:,.0f}'.format(value)
    if unit == 'us':
        return '%.0f' % value if value >= 100 else '%.1f' % value
    if unit == '%':
        return '%.0f%%' % value
    if unit == 'ratio':
        return '%.2f' % value
    return '%.3f' % value if value < 100 else '%.0f' % value


def caption_of(report):
    m = report['machine']
    versions = '; '.join(v['version'] for v in report['interpreters'].values())
    return ('%s, %d cores (%s), Linux %s; %s; load average %.1f at start%s; %s%s.'
            % (m['arch'], m['cores'] or 0, m['cpu'], m['kernel'], versions, m['load_start'],
               ', SCHED_FIFO' if report['realtime'] else '', report['date'][:10],
               ', quick mode' if report['quick'] else ''))


def markdown(report):
    labels = {k: v['version'] for k, v in report['interpreters'].items()}
    lines = ['Benchmark suite, %s. Machine: %s Each scenario runs its interpreters in turn, '
             '%d round(s), median shown; a ratio or a distribution comes from one process run.'
             % (report['date'], caption_of(report), report['rounds']), '']
    for key in SCENARIOS:
        sc = report['scenarios'].get(key)
        if sc is None:
            continue
        lines.append('### %s' % sc['title'])
        lines.append('')
        lines.append(sc['about'])
        lines.append('')
        if sc.get('skipped'):
            lines.append('Skipped: %s.' % sc['skipped'])
            lines.append('')
            continue
        cols = sc['interpreters']
        ratio = 'gilpy' in cols and 'cpython' in cols
        lines.append('| figure | ' + ' | '.join(LABELS[c] for c in cols) +
                     (' | gilpy / CPython |' if ratio else ' |'))
        lines.append('| --- |' + ' ---: |' * (len(cols) + (1 if ratio else 0)))
        for row in sc['rows']:
            cells = [fmt_value(row['values'][c], row['unit']) for c in cols]
            if ratio:
                g, c = row['values']['gilpy'], row['values']['cpython']
                cells.append('%.2f' % (g / c) if g is not None and c else '-')
            lines.append('| %s | %s |' % (row['name'], ' | '.join(cells)))
        for key_, why in sorted(sc['errors'].items()):
            lines.append('')
            lines.append('%s: %s' % (labels.get(key_, key_), why))
        lines.append('')
    for note in report['notes']:
        lines.append('Note: %s' % note)
    return '\n'.join(lines) + '\n'


# The README shows a few headline rows of each scenario (the rest are in
# bench/results/latest.md); a row is shown when its name contains one of these.
HEADLINES = {
    'cpu': ['1 thread (', '2 threads / 1 thread', '2 processes / 1 thread', 'fib'],
    'micro': [],
    'overlap': ['threads', 'coroutines'],
    'lag': ['p99 ms'],
    'convoy': ['kept beside 1 CPU thread'],
    'handoff': ['p50', 'p99'],
    'echo': ['requests/s', 'p99'],
    'http': ['requests/s', 'p99'],
    'startup': ['-I -c pass, ms', '-I -c pass minus'],
    'trace': ['off / compiled out', 'on / off'],
}
README_BEGIN = '<!-- bench-suite:begin (written by bench/suite.py --readme) -->'
README_END = '<!-- bench-suite:end -->'


def readme_block(report):
    """The README's benchmark table: headline rows of every scenario, one
    column per interpreter, and the plots under it."""
    keys = [k for k in ('gilpy', 'cpython', 'uvloop') if k in report['interpreters']]
    lines = [README_BEGIN, '',
             '| scenario | figure | ' + ' | '.join(LABELS[k] for k in keys) + ' |',
             '| --- | --- |' + ' ---: |' * len(keys)]
    for name in SCENARIOS:
        sc = report['scenarios'].get(name)
        if not sc or sc.get('skipped'):
            continue
        rows = [r for r in sc['rows'] if any(h in r['name'] for h in HEADLINES[name])]
        if name == 'micro' and sc['rows'] and 'cpython' in keys:
            ratios = [r['values']['gilpy'] / r['values']['cpython'] for r in sc['rows']
                      if r['values'].get('gilpy') and r['values'].get('cpython')]
            if ratios:
                geo = 2 ** (sum(math.log2(x) for x in ratios) / len(ratios))
                cells = ['%.2f' % geo, '1.00', ''][:len(keys)]
                lines.append('| micro | time relative to CPython, geometric mean of %d '
                             'scripts | %s |' % (len(ratios), ' | '.join(cells)))
        for r in rows:
            cells = [fmt_value(r['values'].get(k), r['unit']) if k in sc['interpreters']
                     else '' for k in keys]
            lines.append('| %s | %s | %s |' % (name, r['name'], ' | '.join(cells)))
    lines += ['', '_%s_' % caption_of(report), '']
    for plot in report['plots']:
        lines.append('![%s](bench/results/plots/%s)' % (plot[:-4], plot))
    lines += ['', README_END]
    return '\n'.join(lines)


def update_readme(path, report):
    """Replace the text between the README's bench-suite markers; returns
    False (and leaves the file alone) when the markers are not there."""
    with open(path, encoding='utf-8') as f:
        text = f.read()
    start, end = text.find(README_BEGIN), text.find(README_END)
    if start < 0 or end < start:
        return False
    text = text[:start] + readme_block(report) + text[end + len(README_END):]
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    return True


def row_values(sc, suffix, key):
    return [(r['name'][:-len(suffix)], r['values'].get(key)) for r in sc['rows']
            if r['name'].endswith(suffix)]


def plots(report, out_dir):
    """Write one SVG per scenario with figures; returns their file names."""
    os.makedirs(out_dir, exist_ok=True)
    caption = caption_of(report)
    written = []

    def save(name, svg):
        svgplot.save(os.path.join(out_dir, name), svg)
        written.append(name)

    def series_of(sc, suffix):
        cats = [name for name, _ in row_values(sc, suffix, sc['interpreters'][0])]
        series = [(LABELS[k], [v for _, v in row_values(sc, suffix, k)])
                  for k in sc['interpreters']]
        return cats, series

    sc = report['scenarios']
    if 'cpu' in sc and sc['cpu']['rows']:
        cats, series = series_of(sc['cpu'], ', s')
        save('cpu.svg', svgplot.bar_chart(
            'CPU-bound: seconds (lower is better)', cats, series, unit='seconds',
            subtitle='The seeds\' countdown split over threads and processes; fib(30) x8',
            caption=caption))
    if 'micro' in sc and sc['micro']['rows'] and 'cpython' in sc['micro']['interpreters']:
        rows = sc['micro']['rows']
        cats = [r['name'][:-3] for r in rows]
        ratios = [r['values']['gilpy'] / r['values']['cpython']
                  if r['values'].get('gilpy') and r['values'].get('cpython') else None
                  for r in rows]
        save('micro.svg', svgplot.bar_chart(
            'Micro-benchmarks: gilpy time / CPython time', cats, [('gilpy / CPython', ratios)],
            unit='ratio (below 1: gilpy is faster)', reference=1.0,
            reference_label='CPython = 1', caption=caption))
    if 'overlap' in sc and sc['overlap']['rows']:
        o = sc['overlap']
        cats, series = series_of(o, ', s')
        markers = [o.get('ideal_s', {}).get(c) for c in cats]
        save('overlap.svg', svgplot.bar_chart(
            'Overlap: %d waits of %g s, wall time' % (o['n'], o['wait_s']), cats, series,
            unit='seconds', log=True, markers=markers, marker_label='the ideal wall time',
            subtitle='Sequentially, one thread each, one coroutine each', caption=caption))
    for key, unit, title in (('lag', 'ms', 'Event-loop lag: lateness of a 1 ms timer'),
                             ('handoff', 'us', 'GIL hand-over latency, request to grant')):
        dist = sc.get(key, {}).get('distributions')
        if not dist:
            continue
        lines = []
        for interp, phases in dist.items():
            for pi, (phase, samples) in enumerate(phases.items()):
                lines.append(('%s, %s' % (LABELS[interp], phase), samples,
                              COLOURS[interp], pi))
        save(key + '_cdf.svg', svgplot.cdf_chart(
            title, lines, unit=unit, caption=caption,
            subtitle='Cumulative distribution from one run of each interpreter; '
                     'further left is better'))
    if 'convoy' in sc and sc['convoy']['rows']:
        cats, series = series_of(sc['convoy'], ': kept beside 1 CPU thread, %')
        save('convoy.svg', svgplot.bar_chart(
            'Convoy: I/O throughput kept beside a CPU-bound thread', cats, series,
            unit='% of the throughput alone (higher is better)', reference=100.0,
            reference_label='alone', caption=caption))
    for key, suffix, title in (('echo', ': requests/s', 'Echo server: requests/s'),
                               ('http', ': requests/s', 'HTTP fetch: requests/s')):
        if key in sc and sc[key]['rows']:
            cats, series = series_of(sc[key], suffix)
            save(key + '.svg', svgplot.bar_chart(
                title + ' (higher is better)', cats, series, unit='requests/s',
                caption=caption))
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--gilpy', default=os.path.join(ROOT, 'build', 'gilpy'))
    ap.add_argument('--python', default='python3')
    ap.add_argument('--quick', action='store_true', help='a small run in under a minute')
    ap.add_argument('--rounds', type=int, default=0, help='default: 3, or 1 with --quick')
    ap.add_argument('--realtime', action='store_true',
                    help='run the measured processes under chrt -f 10 (root only)')
    ap.add_argument('--only', default=','.join(SCENARIOS), help='scenarios to run')
    ap.add_argument('--interpreters', default='gilpy,cpython,uvloop')
    ap.add_argument('--out', default=os.path.join(HERE, 'results'))
    ap.add_argument('--notrace', metavar='DIR',
                    help='build directory of the -Dgil_trace=false gilpy for the trace '
                         'scenario (default: build-notrace, configured if missing)')
    ap.add_argument('--readme', metavar='README.md',
                    help='rewrite the table between the bench-suite markers of this file '
                         '(with --from-json: from an earlier run, without measuring)')
    ap.add_argument('--from-json', metavar='latest.json',
                    help='re-render latest.md, the plots (and --readme) from this report '
                         'instead of running the suite')
    args = ap.parse_args()
    if args.from_json:
        # Re-render the table, the plots (and the README's table) of an
        # earlier run, without measuring anything.
        with open(args.from_json) as f:
            report = json.load(f)
        report['plots'] = plots(report, os.path.join(args.out, 'plots'))
        with open(os.path.join(args.out, 'latest.md'), 'w') as f:
            f.write(markdown(report))
        if args.readme and not update_readme(args.readme, report):
            raise SystemExit('suite: %s has no bench-suite markers' % args.readme)
        return 0
    only = args.only.split(',')
    unknown = [s for s in only if s not in SCENARIOS]
    if unknown:
        ap.error('unknown scenario %s (choose from %s)' % (', '.join(unknown),
                                                            ', '.join(SCENARIOS)))
    started = time.perf_counter()
    suite = Suite(args)
    print('suite: %-8s %5.1f s  (finding the interpreters)'
          % ('set-up', time.perf_counter() - started), file=sys.stderr, flush=True)
    report = {
        'suite': 1,
        'date': datetime.datetime.now().isoformat(timespec='seconds'),
        'quick': suite.quick, 'rounds': suite.rounds, 'realtime': bool(suite.realtime),
        'machine': machine_info(),
        'interpreters': {k: {'version': i.version, 'path': i.path}
                         for k, i in suite.interpreters.items()},
        'notes': suite.notes,
        'scenarios': {},
    }
    if suite.aio_python is not None:
        report['aiohttp_python'] = {'version': suite.aio_python.version,
                                    'path': suite.aio_python.path}
    server, server_url = (None, None)
    if 'overlap' in only or 'http' in only:
        server, server_url = start_http_server()
    try:
        for key in SCENARIOS:
            if key not in only:
                continue
            t0 = time.perf_counter()
            if key in ('overlap', 'http'):
                table = globals()['run_' + key](suite, server_url)
            else:
                table = globals()['run_' + key](suite)
            report['scenarios'][key] = table.to_json()
            report['scenarios'][key]['seconds'] = round(time.perf_counter() - t0, 1)
            print('suite: %-8s %5.1f s%s' % (key, time.perf_counter() - t0,
                                             ''.join('  [%s: %s]' % e
                                                     for e in sorted(table.errors.items()))),
                  file=sys.stderr, flush=True)
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    report['machine']['load_end'] = round(os.getloadavg()[0], 2)
    report['seconds'] = round(time.perf_counter() - started, 1)
    os.makedirs(args.out, exist_ok=True)
    report['plots'] = plots(report, os.path.join(args.out, 'plots'))
    table = markdown(report)
    with open(os.path.join(args.out, 'latest.json'), 'w') as f:
        json.dump(report, f, indent=1)
        f.write('\n')
    with open(os.path.join(args.out, 'latest.md'), 'w') as f:
        f.write(table)
    sys.stdout.write(table)
    if args.readme and not update_readme(args.readme, report):
        print('suite: %s has no bench-suite markers; not updated' % args.readme,
              file=sys.stderr)
    print('suite: %.0f s in all; wrote %s' % (report['seconds'], args.out), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
