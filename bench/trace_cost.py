#!/usr/bin/env python3
"""What the GIL trace hooks cost: the seeds' two-thread countdown and fib on
the default build with tracing off, on a build with the hooks compiled out
(-Dgil_trace=false), and with -X gil-trace on, in one run.

    bench/trace_cost.py [--gilpy build/gilpy] [--notrace DIR | --no-notrace]
                        [--count 100000000] [--fib-repeat 8] [--runs 7]
                        [--realtime]

--notrace names the build directory of the hooks-compiled-out gilpy: it is
configured there (meson setup DIR -Dgil_trace=false -Dtests=false) if it is
not yet, and brought up to date with ninja, so a second run costs only what
changed. --no-notrace skips that configuration (bench/suite.py's quick mode:
building it takes minutes). Prints a table, then `result {json}` lines that
bench/suite.py reads: per workload, the median seconds of each
configuration and the ratios "off / compiled out" (what the hooks cost when
tracing is off; 1.00 is free) and "on / off" (what tracing costs).

Design notes. The configurations are run in turn within each round, so
drift in the machine's load hits all of them alike; each figure is the
median of the rounds. The workloads time themselves (the seeds' scripts
print their elapsed time, bench/fib.py its `elapsed` line), so process
start-up and the trace file written at exit are not part of the figures.
The driver needs CPython (subprocess); the interpreters measured are gilpy.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def build_notrace(build_dir):
    """Configures (once) and updates the -Dgil_trace=false build; its gilpy,
    or None with the reason printed."""
    if not os.path.exists(os.path.join(build_dir, 'build.ninja')):
        setup = subprocess.run(['meson', 'setup', build_dir, '-Dgil_trace=false',
                                '-Dtests=false', '-Dbuildtype=release'], cwd=ROOT,
                               capture_output=True, text=True)
        if setup.returncode != 0:
            print('trace_cost: meson setup failed: %s' % setup.stdout[-400:], file=sys.stderr)
            return None
    ninja = subprocess.run(['ninja', '-C', build_dir, 'gilpy'], cwd=ROOT, capture_output=True,
                           text=True)
    if ninja.returncode != 0:
        print('trace_cost: building %s failed: %s' % (build_dir, ninja.stdout[-400:]),
              file=sys.stderr)
        return None
    return os.path.join(build_dir, 'gilpy')


def run_workload(argv, pattern, timeout=600):
    """Seconds the workload printed (matched by [pattern]), or None."""
    try:
        proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    found = re.search(pattern, proc.stdout)
    if proc.returncode != 0 or not found:
        return None
    return float(found.group(1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--gilpy', default=os.path.join(ROOT, 'build', 'gilpy'))
    ap.add_argument('--notrace', default=os.path.join(ROOT, 'build-notrace'),
                    help='build directory of the -Dgil_trace=false configuration')
    ap.add_argument('--no-notrace', action='store_true',
                    help='do not build or measure the hooks-compiled-out configuration')
    ap.add_argument('--count', type=int, default=100_000_000)
    ap.add_argument('--fib-repeat', type=int, default=8)
    ap.add_argument('--runs', type=int, default=7)
    ap.add_argument('--realtime', action='store_true',
                    help='SCHED_FIFO priority 10 for this process and its children')
    args = ap.parse_args()
    if args.realtime:
        try:
            os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(10))
        except (OSError, AttributeError) as e:
            print('trace_cost: --realtime ignored: %s' % e, file=sys.stderr)
    gilpy = os.path.abspath(args.gilpy)
    tmp = tempfile.mkdtemp(prefix='gilpy-trace-cost-')
    trace_file = os.path.join(tmp, 'trace.json')
    configs = [('off', [gilpy])]
    notrace_error = None
    if not args.no_notrace:
        notrace = build_notrace(os.path.abspath(args.notrace))
        if notrace:
            configs.append(('compiled out', [notrace]))
        else:
            notrace_error = 'the -Dgil_trace=false build failed'
    configs.append(('on', [gilpy, '-X', 'gil-trace=' + trace_file]))
    workloads = [
        ('countdown, 2 threads (%d)' % args.count,
         [os.path.join(ROOT, 'demos', 'seeds', 'multi_threaded.py'), str(args.count)],
         r'([\d.]+) s\s*$'),
        ('fib(30) x%d' % args.fib_repeat,
         [os.path.join(HERE, 'fib.py'), str(args.fib_repeat)], r'elapsed ([\d.e-]+)'),
    ]
    times = {(w, c): [] for w, _, _ in workloads for c, _ in configs}
    failed = set()
    for _ in range(args.runs):
        for wname, script, pattern in workloads:
            for cname, argv in configs:
                if (wname, cname) in failed:
                    continue
                value = run_workload(argv + script, pattern)
                if value is None:
                    failed.add((wname, cname))
                else:
                    times[(wname, cname)].append(value)
    try:
        os.remove(trace_file)
    except OSError:
        pass
    os.rmdir(tmp)
    print('GIL trace hooks: %d runs of each configuration in turn, median seconds; '
          'load average %.1f%s' % (args.runs, os.getloadavg()[0],
                                   ', SCHED_FIFO' if args.realtime else ''))
    if notrace_error:
        print('(%s: no "compiled out" column)' % notrace_error)
    names = [c for c, _ in configs]
    print('%-30s' % 'workload' + ''.join('%14s' % n for n in names) +
          '%16s%10s' % ('off / compiled', 'on / off'))
    for wname, _, _ in workloads:
        medians = {c: statistics.median(times[(wname, c)]) if times[(wname, c)] else None
                   for c in names}
        off, out, on = medians.get('off'), medians.get('compiled out'), medians.get('on')
        row = {'workload': wname, 'runs': args.runs,
               'off_s': off, 'compiled_out_s': out, 'on_s': on,
               'off_over_compiled_out': off / out if off and out else None,
               'on_over_off': on / off if on and off else None,
               'samples': {c: times[(wname, c)] for c in names}}
        print('%-30s' % wname +
              ''.join('%14s' % ('%.3f' % medians[c] if medians[c] else 'failed')
                      for c in names) +
              '%16s%10s' % ('%.3f' % row['off_over_compiled_out']
                            if row['off_over_compiled_out'] else '-',
                            '%.3f' % row['on_over_off'] if row['on_over_off'] else '-'))
        print('result ' + json.dumps(row))
    return 0


if __name__ == '__main__':
    sys.exit(main())
