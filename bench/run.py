#!/usr/bin/env python3
"""Side-by-side benchmarks: gilpy against CPython, in one run, on one machine.

    bench/run.py [--gilpy build/gilpy] [--python python3] [--runs 5] [--quick]
                 [scripts...]

Every bench/*.py script (other than this one) measures its own work with
time.perf_counter() and prints `elapsed <seconds>`. Each script is run --runs
times under each interpreter, alternating between them so that machine noise
hits both alike; the median is reported. Start-up is measured as the median
wall time of `<interpreter> -c pass` over 20 runs, beside the same
measurement of /bin/true (the cost of spawning any process from Python).
A script gilpy cannot run yet (non-zero exit, missing `elapsed` line,
timeout) is reported as `error`.

Writes bench/results/micro.json and bench/results/micro.md (the suite,
bench/suite.py, owns latest.*), and prints the
markdown table. --quick does one run of each script and 5 start-up runs.
"""

import argparse
import datetime
import glob
import re
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(HERE, 'results')
TIMEOUT = 300


def run_script(interp, script):
    """Return the elapsed seconds the script reports, or an error string."""
    try:
        proc = subprocess.run([interp, os.path.basename(script)], cwd=HERE,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return 'timeout'
    except OSError as e:
        return 'cannot run: %s' % e.strerror
    if proc.returncode != 0:
        last = proc.stderr.decode('utf-8', 'replace').strip().splitlines()[-1:]
        return 'exit %d%s' % (proc.returncode, (': ' + last[0][:120]) if last else '')
    for line in proc.stdout.decode('utf-8', 'replace').splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == 'elapsed':
            try:
                return float(parts[1])
            except ValueError:
                break
    return 'no elapsed line'


def startup(interp, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        try:
            proc = subprocess.run([interp, '-c', 'pass'], stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return 'error'
        if proc.returncode != 0:
            return 'error'
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def fmt(v, unit=1.0, digits=3):
    if isinstance(v, (int, float)):
        return '%.*f' % (digits, v * unit)
    return 'error'


def ratio(g, c):
    if isinstance(g, float) and isinstance(c, float) and c > 0:
        return '%.2f' % (g / c)
    return '-'


def is_timed_script(path):
    """Whether [path] is one of the timed scripts this runner compares: they
    print their own `elapsed` line. The other files in bench/ are harnesses
    (suite.py, startup.py, trace_cost.py), helpers (svgplot.py) or scenarios
    with figures of their own that suite.py runs."""
    with open(path, encoding='utf-8') as f:
        return re.search(r"^\s*print\(f?['\"]elapsed", f.read(), re.M) is not None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--gilpy', default=os.path.join(HERE, '..', 'build', 'gilpy'))
    ap.add_argument('--python', default='python3')
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--quick', action='store_true')
    ap.add_argument('scripts', nargs='*')
    args = ap.parse_args()

    gilpy = os.path.abspath(args.gilpy)
    # Resolve wrappers such as pyenv shims, which would add their own start-up time.
    python = subprocess.run([args.python, '-c', 'import sys; print(sys.executable)'],
                            stdout=subprocess.PIPE).stdout.decode().strip() or args.python
    runs = 1 if args.quick else args.runs
    start_runs = 5 if args.quick else 20
    scripts = args.scripts or sorted(
        p for p in glob.glob(os.path.join(HERE, '*.py')) if is_timed_script(p))
    scripts = [os.path.abspath(s) for s in scripts]

    rows = []
    for script in scripts:
        name = os.path.basename(script)[:-3]
        samples = {'cpython': [], 'gilpy': []}
        errors = {}
        for _ in range(runs):
            for key, interp in (('cpython', python), ('gilpy', gilpy)):
                if key in errors:
                    continue
                v = run_script(interp, script)
                if isinstance(v, float):
                    samples[key].append(v)
                else:
                    errors[key] = v
        result = {'script': name}
        for key in ('cpython', 'gilpy'):
            result[key] = (statistics.median(samples[key])
                           if key not in errors and samples[key] else None)
            result[key + '_runs'] = samples[key]
            if key in errors:
                result[key + '_error'] = errors[key]
        rows.append(result)
        print('%-14s cpython %-8s gilpy %-8s %s' % (
            name, fmt(result['cpython']), fmt(result['gilpy']),
            errors.get('gilpy', '')), file=sys.stderr)

    start_c = startup(python, start_runs)
    start_g = startup(gilpy, start_runs)
    # What the harness itself costs: spawning a process that does nothing
    # (/bin/true ignores its arguments). On a loaded VM this is several ms.
    start_true = startup('/bin/true', start_runs)

    cver = subprocess.run([python, '-c', 'import sys; print(sys.version.split()[0])'],
                          stdout=subprocess.PIPE).stdout.decode().strip()
    report = {
        'date': datetime.datetime.now().isoformat(timespec='seconds'),
        'machine': platform.machine(),
        'cpus': os.cpu_count(),
        'cpython': cver,
        'python': python,
        'gilpy': gilpy,
        'runs': runs,
        'startup_runs': start_runs,
        'startup': {'cpython': start_c, 'gilpy': start_g, 'bin_true': start_true},
        'scripts': rows,
    }

    lines = [
        '| script | CPython %s (s) | gilpy (s) | gilpy / CPython |' % cver,
        '| --- | ---: | ---: | ---: |',
    ]
    for r in rows:
        lines.append('| %s | %s | %s | %s |' % (
            r['script'], fmt(r['cpython']), fmt(r['gilpy']),
            ratio(r['gilpy'], r['cpython'])))
    lines.append('| start-up (`-c pass`, ms) | %s | %s | %s |' % (
        fmt(start_c, 1000, 1), fmt(start_g, 1000, 1), ratio(start_g, start_c)))
    lines.append('| process spawn baseline (`/bin/true`, ms) | %s | %s | - |' % (
        fmt(start_true, 1000, 1), fmt(start_true, 1000, 1)))
    lines.append('')
    lines.append('Median of %d runs per script (alternating interpreters), %d start-up runs; '
                 '%s, %d CPUs, %s.' % (runs, start_runs, platform.machine(),
                                       os.cpu_count() or 0, report['date']))
    table = '\n'.join(lines) + '\n'

    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, 'micro.json'), 'w') as f:
        json.dump(report, f, indent=2)
        f.write('\n')
    with open(os.path.join(RESULTS, 'micro.md'), 'w') as f:
        f.write(table)
    sys.stdout.write(table)
    return 0


if __name__ == '__main__':
    sys.exit(main())
