#!/usr/bin/env python3
"""Differential test of gilpy's parser against CPython's own.

For every .py file given (directories are searched recursively), runs
`ast_dump FILE` and compares its output with what CPython prints for
`ast.dump(ast.parse(source))`, or, when the source has a syntax error,
with `LINE:COL: Kind: message` built from CPython's SyntaxError.

Usage: ast_diff.py [--ast-dump PATH] [--verbose] [--mode exec|eval|single] PATH...
Exits 1 when any file mismatches. Needs CPython 3.11 (the oracle's dump
format and messages changed in 3.12).
"""
import argparse
import ast
import os
import subprocess
import sys
import warnings


def oracle(path, mode):
    """Returns CPython's verdict for the file, formatted like ast_dump."""
    with open(path, "rb") as f:
        source = f.read()
    if b"\0" in source:
        return None  # CPython's message differs between compile() and files
    try:
        source.decode("utf-8")
    except UnicodeDecodeError:
        return None  # ditto for undecodable input
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = compile(source, path, mode, ast.PyCF_ONLY_AST)
        except SyntaxError as e:
            return f"{e.lineno}:{e.offset}: {type(e).__name__}: {e.msg}"
        except (ValueError, MemoryError, RecursionError) as e:
            return None  # limits differ; only require "no crash"
    return ast.dump(tree)


def files_under(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith(".py"):
                        yield os.path.join(root, name)
        else:
            yield path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ast-dump", default="/tmp/ast_dump")
    parser.add_argument("--mode", default="exec")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 11):
        print("warning: the oracle should be CPython 3.11", file=sys.stderr)
    total = mismatches = skipped = 0
    for path in files_under(args.paths):
        total += 1
        expected = oracle(path, args.mode)
        run = subprocess.run([args.ast_dump, path, args.mode], capture_output=True)
        actual = run.stdout.decode("utf-8", "replace").rstrip("\n")
        if run.returncode not in (0, 1) or run.stderr:
            mismatches += 1
            print(f"CRASH {path} (exit {run.returncode})")
            print(run.stderr.decode("utf-8", "replace")[-2000:])
            continue
        if expected is None:
            skipped += 1
            continue
        if actual != expected:
            mismatches += 1
            print(f"MISMATCH {path}")
            if args.verbose or len(expected) < 400:
                print(f"  cpython: {expected}")
                print(f"  gilpy:   {actual}")
            else:
                # Show where the two dumps start to differ.
                i = next((k for k, (a, b) in enumerate(zip(expected, actual)) if a != b),
                         min(len(expected), len(actual)))
                print(f"  cpython: ...{expected[max(0, i - 150):i + 150]}")
                print(f"  gilpy:   ...{actual[max(0, i - 150):i + 150]}")
    print(f"{total} files, {mismatches} mismatches, {skipped} compared for crashes only")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
