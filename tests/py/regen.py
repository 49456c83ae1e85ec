#!/usr/bin/env python3
"""Regenerate the .expected files of the behaviour suite with CPython 3.11.

    tests/py/regen.py [--python python3] [--check] [paths or dirs...]

With no paths, every test script under tests/py is regenerated. Each script is
run as `python3 -B <name>.py` from its own directory with stdin from /dev/null;
the output is rendered as described in tests/pytest_common.py.

Every script is run three times with different PYTHONHASHSEED values; a script
whose output changes between runs is not deterministic and is reported (its
expected file is not written). --check writes nothing and reports scripts whose
expected file is missing or stale.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import pytest_common as common  # noqa: E402

SEEDS = ('0', '1', '12345')


def run_cpython(python, script, seed):
    env = dict(os.environ)
    for var in ('PYTHONPATH', 'PYTHONSTARTUP', 'PYTHONWARNINGS', 'PYTHONOPTIMIZE'):
        env.pop(var, None)
    env.update(PYTHONHASHSEED=seed, PYTHONDONTWRITEBYTECODE='1',
               PYTHONIOENCODING='utf-8', LC_ALL='C.UTF-8')
    proc = subprocess.run([python, '-B', os.path.basename(script)],
                          cwd=os.path.dirname(script), stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=60, env=env)
    return common.render(proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8'),
                         proc.returncode, os.path.dirname(script))


def regen_one(python, script):
    outputs = [run_cpython(python, script, seed) for seed in SEEDS]
    if any(o != outputs[0] for o in outputs[1:]):
        return script, None
    return script, outputs[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--python', default='python3')
    ap.add_argument('--check', action='store_true',
                    help='write nothing; report missing or stale expected files')
    ap.add_argument('paths', nargs='*')
    args = ap.parse_args()

    version = subprocess.run([args.python, '-c',
                              'import sys; print("%d.%d" % sys.version_info[:2])'],
                             stdout=subprocess.PIPE, check=True).stdout.decode().strip()
    if version != '3.11':
        sys.exit('regen.py: %s is Python %s; expected files come from 3.11'
                 % (args.python, version))

    scripts = common.find_tests(args.paths or [HERE])
    bad = written = stale = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for script, text in pool.map(lambda s: regen_one(args.python, s), scripts):
            rel = os.path.relpath(script, HERE)
            if text is None:
                bad += 1
                print('NONDETERMINISTIC %s' % rel)
                continue
            exp = common.expected_path(script)
            old = None
            if os.path.exists(exp):
                with open(exp, encoding='utf-8', newline='') as f:
                    old = f.read()
            if old == text:
                continue
            if args.check:
                stale += 1
                print('%s %s' % ('MISSING' if old is None else 'STALE', rel))
                continue
            with open(exp, 'w', encoding='utf-8', newline='') as f:
                f.write(text)
            written += 1
            print('wrote %s' % os.path.relpath(exp, HERE))
    print('%d scripts, %d written, %d stale, %d nondeterministic'
          % (len(scripts), written, stale, bad))
    return 1 if bad or stale else 0


if __name__ == '__main__':
    sys.exit(main())
