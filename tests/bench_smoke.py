#!/usr/bin/env python3
"""The benchmark suite's smoke test: bench/suite.py --quick runs against the
built gilpy (and CPython when python3 is there), and its output is whole.

    tests/bench_smoke.py --gilpy build/gilpy

Checks that latest.json parses, names the machine and the interpreters, has
every scenario, and that each scenario that was not skipped for a missing
tool has figures with a number for gilpy in every row; that latest.md has a
section per scenario; and that every plot is well-formed XML with an <svg>
root. No thresholds: the figures themselves are not judged, since CI
machines are noisy. The suite writes into a temporary directory, never into
bench/results.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'bench'))
from suite import SCENARIOS  # noqa: E402

# A scenario may be skipped only for these reasons (a tool the machine lacks).
ALLOWED_SKIPS = ('no C compiler', 'bench/http is not present')


def check(report, out_dir):
    problems = []
    for key in ('date', 'machine', 'interpreters', 'scenarios'):
        if key not in report:
            problems.append('latest.json has no %r' % key)
    machine = report.get('machine', {})
    if not machine.get('cores') or not machine.get('kernel'):
        problems.append('the machine is not described: %r' % machine)
    if 'gilpy' not in report.get('interpreters', {}):
        problems.append('gilpy is not among the interpreters')
    for name in SCENARIOS:
        sc = report.get('scenarios', {}).get(name)
        if sc is None:
            problems.append('scenario %s is missing' % name)
            continue
        if sc.get('skipped'):
            if not sc['skipped'].startswith(ALLOWED_SKIPS):
                problems.append('scenario %s skipped: %s' % (name, sc['skipped']))
            continue
        if not sc.get('rows'):
            problems.append('scenario %s has no figures (errors: %r)'
                            % (name, sc.get('errors')))
        for row in sc.get('rows', []):
            value = row['values'].get('gilpy')
            if not isinstance(value, (int, float)):
                problems.append('%s / %s: no number for gilpy (errors: %r)'
                                % (name, row['name'], sc.get('errors', {}).get('gilpy')))
    for plot in report.get('plots', []):
        try:
            root = ET.parse(os.path.join(out_dir, 'plots', plot)).getroot()
        except (OSError, ET.ParseError) as e:
            problems.append('plot %s: %s' % (plot, e))
            continue
        if root.tag != '{http://www.w3.org/2000/svg}svg':
            problems.append('plot %s: root element is %s' % (plot, root.tag))
    if not report.get('plots'):
        problems.append('no plots written')
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix='gilpy-bench-smoke-') as out_dir:
        cmd = [sys.executable, os.path.join(ROOT, 'bench', 'suite.py'), '--quick',
               '--gilpy', args.gilpy, '--interpreters', 'gilpy,cpython', '--out', out_dir]
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=900)
        sys.stderr.write(proc.stderr)
        if proc.returncode != 0:
            print('FAIL: bench/suite.py --quick exited %d' % proc.returncode)
            return 1
        with open(os.path.join(out_dir, 'latest.json')) as f:
            report = json.load(f)
        problems = check(report, out_dir)
        with open(os.path.join(out_dir, 'latest.md')) as f:
            md = f.read()
        for name in SCENARIOS:
            title = report['scenarios'].get(name, {}).get('title')
            if title and '### ' + title not in md:
                problems.append('latest.md has no section for %s' % name)
    for p in problems:
        print('FAIL: ' + p)
    if problems:
        return 1
    print('PASS: bench suite quick mode, %d scenarios, %d plots'
          % (len(report['scenarios']), len(report['plots'])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
