#!/usr/bin/env python3
"""Runs sleep_threads.py under gilpy and CPython in turn and prints medians.

    python3 bench/threads/compare.py [--gilpy build/gilpy] [--python python3]
                                     [--rounds 5] [--realtime] [N [DELAY]]

The two interpreters alternate within each round, so drift in a shared
machine's load hits both alike. A third row, "pthreads", is the floor: the
same workload as plain C threads (pthread_floor.c, compiled here with cc;
--no-floor skips it). Any runtime that gives each Python thread a pthread
pays at least that much on this machine. --realtime runs both under `chrt -f 10`
(SCHED_FIFO; needs root), which keeps other processes from preempting the
measured ones. The load average is printed with the figures: on a busy
machine every figure is larger, but the ratios stay comparable.
"""

import argparse
import os
import re
import statistics
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, 'sleep_threads.py')
FIGURES = re.compile(r'wall ([\d.]+) s.*start\(\) of all ([\d.]+) s, cpu ([\d.]+) s')


def run_once(interpreter, extra, realtime):
    script = [] if interpreter.endswith('pthread_floor') else [SCRIPT]
    command = [interpreter] + script + extra
    if realtime:
        command = ['chrt', '-f', '10'] + command
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    match = FIGURES.search(out)
    if not match:
        raise SystemExit(f'unexpected output from {interpreter}: {out!r}')
    return [float(x) for x in match.groups()]


def build_floor(directory):
    """Compiles pthread_floor.c into [directory]; None without a C compiler."""
    compiler = shutil.which('cc') or shutil.which('gcc')
    if not compiler:
        return None
    binary = os.path.join(directory, 'pthread_floor')
    subprocess.run([compiler, '-O2', '-pthread', os.path.join(HERE, 'pthread_floor.c'),
                    '-o', binary], check=True)
    return binary


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--gilpy', default='build/gilpy')
    parser.add_argument('--python', default='python3')
    parser.add_argument('--rounds', type=int, default=5)
    parser.add_argument('--realtime', action='store_true')
    parser.add_argument('--no-floor', action='store_true')
    parser.add_argument('args', nargs='*')
    opts = parser.parse_args()
    names = {'gilpy': opts.gilpy, 'CPython': opts.python}
    scratch = tempfile.TemporaryDirectory()
    floor = None if opts.no_floor else build_floor(scratch.name)
    if floor:
        names['pthreads'] = floor
    runs = {name: [] for name in names}
    load_before = os.getloadavg()[0]
    for _ in range(opts.rounds):
        for name, interpreter in names.items():
            runs[name].append(run_once(interpreter, opts.args, opts.realtime))
    print(f'load average before/after: {load_before:.1f}/{os.getloadavg()[0]:.1f}; '
          f'{opts.rounds} rounds, medians; realtime={opts.realtime}')
    print(f'{"":8} {"wall s":>8} {"start s":>8} {"cpu s":>8}')
    medians = {}
    for name in names:
        medians[name] = [statistics.median(column) for column in zip(*runs[name])]
        wall, started, cpu = medians[name]
        print(f'{name:8} {wall:8.3f} {started:8.3f} {cpu:8.3f}')
    ratio = [g / c if c else float('nan') for g, c in zip(medians['gilpy'], medians['CPython'])]
    print(f'{"ratio":8} {ratio[0]:8.2f} {ratio[1]:8.2f} {ratio[2]:8.2f}  (gilpy / CPython)')
    if 'pthreads' in medians:
        ratio = [g / c if c else float('nan')
                 for g, c in zip(medians['gilpy'], medians['pthreads'])]
        print(f'{"ratio":8} {ratio[0]:8.2f} {ratio[1]:8.2f} {ratio[2]:8.2f}  (gilpy / pthreads)')


if __name__ == '__main__':
    sys.exit(main())
