#!/usr/bin/env python3
"""Runs bench/gil/scenarios.py under gilpy and CPython, alternating, and
prints the medians side by side.

    bench/gil/run.py [--gilpy build/gilpy] [--python python3] [--runs 3] [--quick]

Writes bench/results/gil.md too. On a busy machine add --realtime (root):
both interpreters then run under SCHED_FIFO, so other processes cannot
delay the GIL hand-overs being measured. Each figure comes from within one process
run, so ratios (two threads vs one, I/O beside a CPU thread vs alone) are
the numbers to compare; absolute seconds depend on the machine's load.
"""
import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def run_once(interp, quick, realtime):
    args = [interp, os.path.join(HERE, 'scenarios.py')] + (['--quick'] if quick else [])
    if realtime:
        # SCHED_FIFO keeps other load on a shared machine from skewing hand-over
        # latencies; needs root (chrt from util-linux).
        args = ['chrt', '-f', '10'] + args
    out = subprocess.run(args, capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        raise SystemExit('%s failed:\n%s' % (interp, out.stderr[-2000:]))
    figures = {}
    for line in out.stdout.splitlines():
        name, value = line.split()
        figures[name] = float(value)
    return figures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default=os.path.join(HERE, '..', '..', 'build', 'gilpy'))
    ap.add_argument('--python', default='python3')
    ap.add_argument('--runs', type=int, default=3)
    ap.add_argument('--quick', action='store_true')
    ap.add_argument('--realtime', action='store_true',
                    help='run both interpreters under chrt -f 10 (root only)')
    args = ap.parse_args()
    samples = {'gilpy': {}, 'cpython': {}}
    for _ in range(args.runs):
        for label, interp in (('gilpy', args.gilpy), ('cpython', args.python)):
            for name, value in run_once(interp, args.quick, args.realtime).items():
                samples[label].setdefault(name, []).append(value)
    lines = ['| figure | CPython | gilpy |', '|---|---|---|']
    for name in samples['gilpy']:
        cp = statistics.median(samples['cpython'].get(name, [float('nan')]))
        gp = statistics.median(samples['gilpy'][name])
        lines.append('| %s | %.4g | %.4g |' % (name, cp, gp))
    table = '\n'.join(lines)
    print(table)
    os.makedirs(os.path.join(HERE, '..', 'results'), exist_ok=True)
    with open(os.path.join(HERE, '..', 'results', 'gil.md'), 'w') as f:
        f.write(table + '\n')


if __name__ == '__main__':
    sys.exit(main())
