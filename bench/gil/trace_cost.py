#!/usr/bin/env python3
"""What watching the GIL costs: the same workloads with tracing off, with
statistics only (-X gil-stats) and with a full trace (-X gil-trace=FILE).

    bench/gil/trace_cost.py [--gilpy build/gilpy] [--python python3] [--runs 5] [--quick]
                            [--baseline OTHER_GILPY]

Each run is a child process of the interpreter under test that times its own
workload (start-up and writing the trace at exit are not counted). Modes
alternate run by run so drift on a shared machine hits all of them alike,
and the figures are medians of ratios to "off" taken within one run of this
script. CPython runs the same children: it ignores the unknown -X options,
so its ratios show how much of a figure is noise. --baseline adds another
gilpy binary (for example one built without the tracer) to show that the
hooks cost nothing while tracing is off.

Workloads:
  countdown  the seeds' two-thread countdown: a few GIL events per switch
             interval, the case the <= 10 % target is about;
  pingpong   one-byte pipe round trips beside a CPU-bound thread: every
             round trip releases and re-takes the GIL, the worst case for
             the tracer (hundreds of thousands of events per second).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

WORKLOAD = r'''
import os, sys, threading, time
QUICK = %(quick)r

def countdown(n):
    while n > 0:
        n -= 1

def two_threads():
    count = 4_000_000 if QUICK else 20_000_000
    ts = [threading.Thread(target=countdown, args=(count // 2,)) for _ in range(2)]
    t0 = time.perf_counter()
    for t in ts: t.start()
    for t in ts: t.join()
    return time.perf_counter() - t0

def pingpong():
    n = 500 if QUICK else 2000
    down_r, down_w = os.pipe()
    up_r, up_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(down_w); os.close(up_r)
        while True:
            b = os.read(down_r, 1)
            if not b:
                os._exit(0)
            os.write(up_w, b)
    os.close(down_r); os.close(up_w)
    stop = []
    def spin():
        while not stop:
            pass
    spinner = threading.Thread(target=spin)
    spinner.start()
    time.sleep(0.01)
    t0 = time.perf_counter()
    for _ in range(n):
        os.write(down_w, b'x')
        os.read(up_r, 1)
    elapsed = time.perf_counter() - t0
    stop.append(1)
    spinner.join()
    os.close(down_w); os.close(up_r)
    os.waitpid(pid, 0)
    return elapsed

print('countdown %%.6f' %% two_threads())
print('pingpong %%.6f' %% pingpong())
'''


def run_child(interp, mode, script, tmp):
    args = [interp]
    if mode == 'stats':
        args += ['-X', 'gil-stats']
    elif mode == 'trace':
        args += ['-X', 'gil-trace=' + os.path.join(tmp, 'cost.json')]
    out = subprocess.run(args + [script], capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise SystemExit('%s %s failed:\n%s' % (interp, mode, out.stderr[-2000:]))
    return {name: float(value) for name, value in
            (line.split() for line in out.stdout.splitlines())}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', default=os.path.join(here, '..', '..', 'build', 'gilpy'))
    ap.add_argument('--python', default='python3')
    ap.add_argument('--baseline', help='another gilpy binary, run with tracing off')
    ap.add_argument('--runs', type=int, default=5)
    ap.add_argument('--quick', action='store_true')
    args = ap.parse_args()
    interps = [('gilpy', args.gilpy, ('off', 'stats', 'trace')),
               ('cpython', args.python, ('off', 'stats', 'trace'))]
    if args.baseline:
        interps.append(('baseline', args.baseline, ('off',)))
    ratios = {}
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, 'workload.py')
        with open(script, 'w') as f:
            f.write(WORKLOAD % {'quick': args.quick})
        for _ in range(args.runs):
            off = {}
            for label, interp, modes in interps:
                for mode in modes:
                    figures = run_child(interp, mode, script, tmp)
                    if label == 'gilpy' and mode == 'off':
                        off = figures
                    for name, value in figures.items():
                        ratios.setdefault((label, mode, name), []).append(value)
            # Ratios against gilpy with tracing off from this same round.
            for key in list(ratios):
                label, mode, name = key
                if label in ('gilpy', 'baseline'):
                    ratios.setdefault(('ratio', label + ' ' + mode, name), []).append(
                        ratios[key][-1] / off[name])
    lines = ['| workload | gilpy off s | stats / off | trace / off | baseline / off '
             '| CPython trace / off |', '|---|---|---|---|---|---|']
    for name in ('countdown', 'pingpong'):
        def med(key):
            values = ratios.get(key)
            return '%.3f' % statistics.median(values) if values else '-'
        cp_ratio = '-'
        if ratios.get(('cpython', 'off', name)):
            cp = [t / o for t, o in zip(ratios[('cpython', 'trace', name)],
                                        ratios[('cpython', 'off', name)])]
            cp_ratio = '%.3f' % statistics.median(cp)
        lines.append('| %s | %s | %s | %s | %s | %s |' % (
            name, med(('gilpy', 'off', name)), med(('ratio', 'gilpy stats', name)),
            med(('ratio', 'gilpy trace', name)), med(('ratio', 'baseline off', name)), cp_ratio))
    print('\n'.join(lines))


if __name__ == '__main__':
    sys.exit(main())
