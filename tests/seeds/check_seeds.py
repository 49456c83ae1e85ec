#!/usr/bin/env python3
"""Runs every example script of the seed documents, unchanged, under gilpy.

The seed documents (shared/seeds/*.txt, beside the repository) explain the
GIL with small Python programs. This checker extracts each fenced code block
that is Python, runs it under gilpy and under CPython (python3), and compares
what they print. Timing figures differ from run to run, so numbers that
follow "seconds" are masked before comparing. Interactive transcripts
(">>> " lines) are replayed statement by statement in 'single' mode, the way
the REPL runs them, and compared with the output the document shows.

Nothing is copied into the repository: the documents are read where they are.

Usage: check_seeds.py --gilpy PATH [--python python3] [--seeds DIR] [--only SUBSTR]
Prints PASS/FAIL per block and ends with "N passed, N failed".
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SEEDS = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'shared', 'seeds'))

# Replays a transcript: each statement compiled in 'single' mode prints the
# value of an expression statement, as the interactive prompt does.
REPL_DRIVER = '''
import sys
source = sys.stdin.read()
for chunk in source.split('\\x00'):
    if chunk.strip():
        exec(compile(chunk, '<stdin>', 'single'))
'''


def extract_blocks(text):
    """Yields (language, code) for each fenced block."""
    for match in re.finditer(r'^[ \t]*```(\w*)[ \t]*\n(.*?)^[ \t]*```', text, re.S | re.M):
        yield match.group(1), match.group(2)


def dedent_block(code):
    lines = code.splitlines()
    indents = [len(l) - len(l.lstrip(' \t')) for l in lines if l.strip()]
    cut = min(indents) if indents else 0
    # Only strip a common prefix made of the same characters on every line.
    return '\n'.join(l[cut:] if l.strip() else '' for l in lines) + '\n'


def looks_like_python(code):
    return bool(re.search(r'^\s*(import |from |def |print\(|>>> )', code, re.M))


def transcript(code):
    """Splits a >>> transcript into (statements, expected output lines)."""
    statements, expected = [], []
    for line in code.splitlines():
        if line.startswith('>>> '):
            statements.append(line[4:])
        elif line.startswith('... '):
            statements[-1] += '\n' + line[4:]
        elif line.strip():
            expected.append(line)
    return statements, '\n'.join(expected) + '\n'


def mask(output):
    return re.sub(r'(seconds -?\s*)[-+0-9.e]+', r'\1<t>', output)


def run(interpreter, path, stdin=None, timeout=300):
    proc = subprocess.run([interpreter, path], input=stdin, capture_output=True, text=True,
                          timeout=timeout, cwd=os.path.dirname(path))
    return proc.returncode, proc.stdout, proc.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    ap.add_argument('--python', default='python3')
    ap.add_argument('--seeds', default=DEFAULT_SEEDS)
    ap.add_argument('--only', default=None)
    args = ap.parse_args()
    # Scripts run from a temporary directory: resolve a relative interpreter path first.
    if os.sep in args.gilpy:
        args.gilpy = os.path.abspath(args.gilpy)
    if not os.path.isdir(args.seeds):
        # Meson reports exit status 77 as "skipped".
        print('seed documents not found at %s: skipped' % args.seeds)
        return 77
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(os.listdir(args.seeds)):
            with open(os.path.join(args.seeds, name), encoding='utf-8', errors='replace') as f:
                text = f.read()
            for index, (lang, raw) in enumerate(extract_blocks(text)):
                code = dedent_block(raw)
                if lang not in ('', 'text', 'python', 'py') or not looks_like_python(code):
                    continue
                label = '%s#%d' % (name, index)
                if args.only and args.only not in label:
                    continue
                if '>>> ' in code:
                    statements, expected = transcript(code)
                    path = os.path.join(tmp, 'repl_driver.py')
                    with open(path, 'w') as f:
                        f.write(REPL_DRIVER)
                    rc, out, err = run(args.gilpy, path, '\x00'.join(statements))
                else:
                    path = os.path.join(tmp, 'seed_%d_%s.py' % (index, name.split('.')[0]))
                    with open(path, 'w') as f:
                        f.write(code)
                    prc, expected, perr = run(args.python, path)
                    if prc != 0:
                        print('SKIP %s (CPython itself failed: %s)' % (label, perr.strip()[-200:]))
                        continue
                    rc, out, err = run(args.gilpy, path)
                if rc == 0 and mask(out) == mask(expected):
                    passed += 1
                    print('PASS %s' % label)
                else:
                    failed += 1
                    print('FAIL %s (exit %d)' % (label, rc))
                    print('  expected: %r' % mask(expected)[:300])
                    print('  got:      %r' % mask(out)[:300])
                    if err:
                        print('  stderr:   %s' % err.strip()[-600:])
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
