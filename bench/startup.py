#!/usr/bin/env python3
"""Start-up time: `gilpy -c pass` beside CPython's `python3 -I -c pass` and
`/bin/true`, measured in one run.

    bench/startup.py [--gilpy build/gilpy] [--python python3] [--runs 50]
                     [--realtime] [--baseline OTHER_GILPY]

Prints a table, then one `result {json}` line per command (bench/suite.py
reads those): the median, the 10th and 90th percentiles of the wall time in
milliseconds, and the median number of minor page faults of the child.

Design notes. Each run spawns the command and waits for it with wait4(),
which gives the wall time (taken around spawn and wait) and the child's own
page faults. The commands are run in turn within each round, so drift in the
machine's load hits all of them alike. /bin/true is there because on a small
virtual machine merely creating a process costs milliseconds (each first
touch of a page costs the hypervisor ~10 us): "gilpy minus /bin/true" is the
part of the figure that the interpreter controls. --realtime runs this
script, and so the children it spawns, under SCHED_FIFO (root only), so that
other work on a shared machine does not preempt the runs.

--baseline adds another gilpy binary (an older build, say) to the same
rounds, so a start-up change is measured before and after in one run.

This driver needs os.wait4 and os.posix_spawn, so it runs under CPython;
the interpreters it measures are any.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def resolve_python(name):
    """The real executable behind [name] (pyenv shims are shell scripts
    whose own start-up would be measured too)."""
    try:
        out = subprocess.run([name, '-c', 'import sys; print(sys.executable)'],
                             capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out or None


def run_once(argv):
    """One spawn-and-wait: (wall seconds, minor page faults), or None."""
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1)]
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    finally:
        os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    return wall, usage.ru_minflt


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure(commands, runs):
    """{name: (walls, faults)} with the commands run in turn [runs] times;
    a command that fails is dropped with the reason in the second dict."""
    samples = {name: ([], []) for name, _ in commands}
    failed = {}
    for name, argv in commands:  # one warm-up each: page cache, dentries
        if run_once(argv) is None:
            failed[name] = 'exit status not 0: %s' % ' '.join(argv)
    for _ in range(runs):
        for name, argv in commands:
            if name in failed:
                continue
            got = run_once(argv)
            if got is None:
                failed[name] = 'exit status not 0: %s' % ' '.join(argv)
                continue
            samples[name][0].append(got[0])
            samples[name][1].append(got[1])
    return samples, failed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--gilpy', default=os.path.join(ROOT, 'build', 'gilpy'))
    ap.add_argument('--python', default='python3')
    ap.add_argument('--runs', type=int, default=50)
    ap.add_argument('--baseline', metavar='OTHER_GILPY',
                    help='another gilpy measured in the same rounds')
    ap.add_argument('--realtime', action='store_true',
                    help='SCHED_FIFO priority 10 for this process and its children')
    args = ap.parse_args()
    if args.realtime:
        try:
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(10))
        except (OSError, AttributeError) as e:
            print('startup: --realtime ignored: %s' % e, file=sys.stderr)
    commands = [('/bin/true', [shutil.which('true') or '/bin/true'])]
    gilpy = os.path.abspath(args.gilpy)
    commands.append(('gilpy -I -c pass', [gilpy, '-I', '-c', 'pass']))
    commands.append(('gilpy -I -S -c pass', [gilpy, '-I', '-S', '-c', 'pass']))
    if args.baseline:
        commands.append(('baseline -I -c pass',
                         [os.path.abspath(args.baseline), '-I', '-c', 'pass']))
    python = resolve_python(args.python)
    if python:
        commands.append(('python3 -I -c pass', [python, '-I', '-c', 'pass']))
        commands.append(('python3 -I -S -c pass', [python, '-I', '-S', '-c', 'pass']))
    samples, failed = measure(commands, args.runs)
    load = os.getloadavg()[0]
    true_median = (statistics.median(samples['/bin/true'][0])
                   if samples['/bin/true'][0] else None)
    print('start-up, %d runs each in turn, load average %.1f%s'
          % (args.runs, load, ', SCHED_FIFO' if args.realtime else ''))
    print('%-24s %9s %9s %9s %12s %7s' % ('command', 'median ms', 'p10 ms', 'p90 ms',
                                         '- true, ms', 'faults'))
    for name, _ in commands:
        walls, faults = samples[name]
        if name in failed or not walls:
            print('%-24s %s' % (name, failed.get(name, 'no runs')))
            print('result ' + json.dumps({'command': name, 'error': failed.get(name)}))
            continue
        median = statistics.median(walls)
        row = {'command': name, 'median_ms': round(median * 1e3, 3),
               'p10_ms': round(percentile(walls, 0.1) * 1e3, 3),
               'p90_ms': round(percentile(walls, 0.9) * 1e3, 3),
               'minus_true_ms': (round((median - true_median) * 1e3, 3)
                                 if true_median is not None else None),
               'page_faults': statistics.median(faults), 'runs': len(walls),
               'load': round(load, 2)}
        print('%-24s %9.2f %9.2f %9.2f %12s %7d'
              % (name, row['median_ms'], row['p10_ms'], row['p90_ms'],
                 '%.2f' % row['minus_true_ms'] if row['minus_true_ms'] is not None else '-',
                 row['page_faults']))
        print('result ' + json.dumps(row))
    return 0


if __name__ == '__main__':
    sys.exit(main())
