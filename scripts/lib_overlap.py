#!/usr/bin/env python3
"""How much of each frozen library module is CPython's text, line for line.

gilpy's lib/*.py must be written in the project's own words: the same names
and behaviour as CPython's standard library, not its source.  This script is
the check.  For every lib/**/*.py that has a counterpart in a CPython Lib/
directory it counts the "telling" lines (stripped, at least 24 characters, not
a bare keyword statement, bracket or common idiom) and reports which fraction
of them also occur verbatim anywhere in the counterpart.  Comment and
docstring lines count too: copied prose is still copied.

    python3 scripts/lib_overlap.py                 # every module, worst first
    python3 scripts/lib_overlap.py lib/enum.py     # one module, with its lines
    python3 scripts/lib_overlap.py --max 0.25      # exit 1 if any is above 25%

The test suite runs it with --max and --skip-missing (tests/meson.build):
a module that comes back with CPython's text fails it.

The CPython Lib/ directory is found from the running python3 (sysconfig's
stdlib path) unless --cpython-lib names one.
"""

import argparse
import os
import sys
import sysconfig

MIN_LEN = 24

# Lines that any Python code of the same shape would contain.
IDIOMS = {
    "if __name__ == '__main__':",
    'if __name__ == "__main__":',
    "raise NotImplementedError",
    "return NotImplemented",
    "def __init__(self):",
    "def __repr__(self):",
    "def __iter__(self):",
    "def __len__(self):",
    "def __hash__(self):",
    "def __eq__(self, other):",
    "def __ne__(self, other):",
    "def __lt__(self, other):",
    "def __le__(self, other):",
    "def __gt__(self, other):",
    "def __ge__(self, other):",
    "def __contains__(self, key):",
    "def __getitem__(self, key):",
    "def __enter__(self):",
    "def __exit__(self, *args):",
    "def __exit__(self, exc_type, exc_value, traceback):",
    "from __future__ import annotations",
}


def telling(line):
    s = line.strip()
    if len(s) < MIN_LEN or s in IDIOMS:
        return None
    return s


def lines_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read().splitlines()


# Modules whose CPython text lives under another name (the upstream file of
# the same name only re-exports it).
ALIASES = {
    "collections/abc.py": "_collections_abc.py",
}


def counterpart(lib_root, path, cpython_lib):
    rel = os.path.relpath(path, lib_root).replace(os.sep, "/")
    candidates = [ALIASES.get(rel), rel, "_" + os.path.basename(rel)]
    for cand in candidates:
        if cand and os.path.exists(os.path.join(cpython_lib, cand)):
            return os.path.join(cpython_lib, cand)
    return None


def overlap(ours, theirs):
    their_set = {t for t in (telling(l) for l in lines_of(theirs)) if t}
    total = 0
    shared = []
    for n, line in enumerate(lines_of(ours), 1):
        t = telling(line)
        if t is None:
            continue
        total += 1
        if t in their_set:
            shared.append((n, t))
    return total, shared


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", help="lib/*.py files (default: all)")
    ap.add_argument("--lib", default=os.path.join(os.path.dirname(__file__), "..", "lib"))
    ap.add_argument("--cpython-lib", default=sysconfig.get_paths()["stdlib"])
    ap.add_argument("--max", type=float, default=None,
                    help="exit 1 if any module's share exceeds this fraction")
    ap.add_argument("--exempt", default="",
                    help="comma-separated modules reported but never failing --max "
                         "(ones not rewritten yet)")
    ap.add_argument("--skip-missing", action="store_true",
                    help="exit 77 (a skipped test) when no CPython Lib/ is found")
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(args.cpython_lib, "os.py")):
        print("lib_overlap: no CPython Lib/ at %s" % args.cpython_lib)
        return 77 if args.skip_missing else 2

    lib_root = os.path.normpath(args.lib)
    files = list(args.files)
    if not files:
        for d, _, names in os.walk(lib_root):
            files += [os.path.join(d, n) for n in names if n.endswith(".py")]
    rows = []
    for path in files:
        theirs = counterpart(lib_root, os.path.normpath(path), args.cpython_lib)
        if theirs is None:
            continue
        total, shared = overlap(path, theirs)
        share = len(shared) / total if total else 0.0
        rows.append((share, path, total, shared))
    rows.sort(reverse=True)
    bad = False
    for share, path, total, shared in rows:
        print(f"{share:6.1%}  {len(shared):4d}/{total:<4d}  {os.path.relpath(path)}")
        if args.files:
            for n, t in shared:
                print(f"        {n:5d}: {t}")
        exempt = {os.path.normpath(e) for e in args.exempt.split(",") if e}
        rel = os.path.relpath(path, os.path.dirname(lib_root))
        if args.max is not None and share > args.max and os.path.normpath(rel) not in exempt:
            print(f"        over {args.max:.0%}: write it in our own words")
            bad = True
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
