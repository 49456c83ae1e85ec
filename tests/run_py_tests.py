#!/usr/bin/env python3
"""Run the Python behaviour suite under gilpy and compare with CPython's output.

    tests/run_py_tests.py --gilpy build/gilpy [--jobs N] [--timeout S]
                          [--sanitizer] [--xfail FILE] [--list-failures FILE]
                          [paths or dirs...]

Each script runs as `gilpy <name>.py` from its own directory with stdin from
/dev/null; its stdout (plus an exit/stderr trailer, see pytest_common.py) must
equal <name>.expected. A script that times out fails. One line per script
(PASS, FAIL, XFAIL, XPASS, SKIP), a short diff for each failure, and last exactly
one line `N passed, N failed`. A script that prints "SKIP: reason" and exits
with status 77 (it needs something that is not installed) is skipped. The exit
status is 1 if anything failed.

--xfail FILE names known failures, one per line: `<name>  <reason>` where name
is the script's path below tests/py without .py (e.g. `int/bigint_pow`); `#`
starts a comment. Those count in neither total; a line `N xfailed, N xpassed`
comes before the summary. --list-failures FILE writes the failing names in the
same format, so it can seed an xfail file.
"""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pytest_common as common  # noqa: E402

PY_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'py')
DIFF_LINES = 40
# A script that exits with this status (meson's "skipped") after printing
# "SKIP: reason" first is counted as skipped.
SKIP_STATUS = 77


def test_name(script):
    """`area/name` for scripts under tests/py, else the path without .py."""
    rel = os.path.relpath(script, PY_ROOT)
    if rel.startswith('..'):
        rel = script
    return rel[:-3] if rel.endswith('.py') else rel


def sanitizer_env(env):
    env.setdefault('ASAN_OPTIONS',
                   'detect_leaks=1:abort_on_error=0:halt_on_error=1:'
                   'detect_stack_use_after_return=1:strict_string_checks=1')
    env.setdefault('UBSAN_OPTIONS', 'print_stacktrace=1:halt_on_error=1')
    env.setdefault('LSAN_OPTIONS', 'print_suppressions=0')


def run_one(gilpy, script, timeout, env):
    """Run [script]; return (ok, rendered_actual, expected_or_None, note)."""
    exp_path = common.expected_path(script)
    try:
        with open(exp_path, encoding='utf-8', newline='') as f:
            expected = common.normalise_expected(f.read())
    except FileNotFoundError:
        return False, '', None, 'missing %s' % os.path.basename(exp_path)
    cwd = os.path.dirname(script)
    try:
        proc = subprocess.run([gilpy, os.path.basename(script)], cwd=cwd,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return False, '', expected, 'timed out after %gs' % timeout
    except OSError as e:
        return False, '', expected, 'cannot run gilpy: %s' % e
    out = proc.stdout.decode('utf-8', 'replace')
    err = proc.stderr.decode('utf-8', 'replace')
    status = proc.returncode
    if status == SKIP_STATUS and out.startswith('SKIP:'):
        # What it needs is missing (nginx, say): neither pass nor fail.
        return None, out.strip(), expected, 'skipped'
    if status < 0:
        note = 'killed by signal %d' % -status
    else:
        note = ''
    actual = common.render(out, err, status, cwd)
    return actual == expected, actual, expected, note


def short_diff(expected, actual, name):
    lines = list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        'expected/' + name, 'gilpy/' + name, n=2))
    if len(lines) > DIFF_LINES:
        more = len(lines) - DIFF_LINES
        lines = lines[:DIFF_LINES] + ['... (%d more diff lines)\n' % more]
    return ''.join(l if l.endswith('\n') else l + '\n\\ no newline\n' for l in lines)


def read_xfail(path):
    names = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            parts = line.split(None, 1)
            name = parts[0]
            if name.endswith('.py'):
                name = name[:-3]
            names[name] = parts[1] if len(parts) > 1 else ''
    return names


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--gilpy', required=True, help='path to the gilpy binary')
    ap.add_argument('--jobs', '-j', type=int, default=0,
                    help='parallel scripts (0 = number of CPUs)')
    ap.add_argument('--timeout', type=float, default=10.0,
                    help='seconds per script (x4 with --sanitizer)')
    ap.add_argument('--sanitizer', action='store_true',
                    help='set ASAN/UBSAN/LSAN options for a sanitizer build')
    ap.add_argument('--xfail', metavar='FILE', help='known failures')
    ap.add_argument('--list-failures', metavar='FILE',
                    help='write failing test names to FILE')
    ap.add_argument('--quiet', '-q', action='store_true',
                    help='print only failures and the summary')
    ap.add_argument('paths', nargs='*', help='scripts or directories')
    args = ap.parse_args(argv)

    gilpy = os.path.abspath(args.gilpy)
    if not os.access(gilpy, os.X_OK):
        print('error: gilpy binary not found or not executable: %s' % gilpy)
        print('0 passed, 1 failed')
        return 1
    scripts = common.find_tests(args.paths or [PY_ROOT])
    xfail = read_xfail(args.xfail) if args.xfail else {}
    env = dict(os.environ)
    env.pop('PYTHONPATH', None)
    env.setdefault('LC_ALL', 'C.UTF-8')
    timeout = args.timeout
    if args.sanitizer:
        sanitizer_env(env)
        timeout *= 4
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 2)

    passed = failed = xfailed = xpassed = skipped = 0
    failures = []
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(run_one, gilpy, s, timeout, env) for s in scripts]
        for script, fut in zip(scripts, futures):
            ok, actual, expected, note = fut.result()
            name = test_name(script)
            suffix = ' (%s)' % note if note else ''
            if ok is None:
                skipped += 1
                print('SKIP %s (%s)' % (name, actual))
                continue
            if name in xfail:
                if ok:
                    xpassed += 1
                    print('XPASS %s' % name)
                else:
                    xfailed += 1
                    if not args.quiet:
                        print('XFAIL %s%s' % (name, suffix))
                continue
            if ok:
                passed += 1
                if not args.quiet:
                    print('PASS %s' % name)
                continue
            failed += 1
            failures.append((name, note))
            print('FAIL %s%s' % (name, suffix))
            if expected is not None and (actual or not note):
                sys.stdout.write(short_diff(expected, actual, name))
            sys.stdout.flush()

    if args.list_failures:
        with open(args.list_failures, 'w', encoding='utf-8') as f:
            for name, note in failures:
                f.write('%s  %s\n' % (name, note or 'output differs'))
    if xfail:
        print('%d xfailed, %d xpassed' % (xfailed, xpassed))
    if skipped:
        print('%d skipped' % skipped)
    sys.stdout.flush()
    sys.stderr.write('(%d scripts in %.1fs)\n' % (len(scripts), time.monotonic() - started))
    sys.stderr.flush()
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
