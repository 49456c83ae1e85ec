#!/usr/bin/env python3
"""Robustness loop for the front end: feeds ast_dump every prefix of the
corpus files, random mutations of them, random bytes and pathological
nesting, and reports any run that crashes or prints to stderr. Build
ast_dump with -fsanitize=address,undefined so leaks and memory errors
count as failures.

Usage: parser_fuzz.py [--ast-dump PATH] [--seed N] [CORPUS_DIR...]
"""
import argparse
import glob
import os
import random
import subprocess
import sys
import tempfile


def cases_from(files, rng):
    for path in files:
        data = open(path, "rb").read()
        step = max(1, len(data) // 40)
        for i in range(0, len(data), step):
            yield data[:i]
        for _ in range(5):
            b = bytearray(data)
            for _ in range(rng.randint(1, 5)):
                if not b:
                    break
                k = rng.randrange(len(b))
                op = rng.random()
                if op < 0.3:
                    b[k] = rng.randrange(256)
                elif op < 0.6:
                    b.insert(k, rng.choice(b"()[]{}:'\"\\\n\t #=*,.fbr!0123456789\xe2\x82\xac"))
                else:
                    del b[k]
            yield bytes(b)
    alphabet = b"()[]{}:;'\"\\\n\t #=*,.fbrxjeE_0123456789abc+-<>!@ lambda if else for in not"
    for _ in range(300):
        yield bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
        yield bytes(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
    yield b"(" * 10000 + b")" * 10000
    yield b"-" * 100000 + b"1"
    yield b"not " * 5000 + b"x"
    yield b"+".join([b"1"] * 20000)
    yield b"lambda: " * 3000 + b"0"
    yield b'f"{' * 50 + b"x" + b'}"' * 50
    yield b"a." * 10000 + b"b"
    yield b"x = 1\n" * 200000
    yield b"if x:\n" + b"".join(b" " * i + b"if x:\n" for i in range(1, 120))
    yield b"x if y else " * 3000 + b"z"
    yield b"a<" * 10000 + b"b"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ast-dump", default="/tmp/ast_dump")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("dirs", nargs="*", default=["tests/parser_corpus"])
    args = parser.parse_args()
    files = sorted(f for d in args.dirs for f in glob.glob(os.path.join(d, "**/*.py"),
                                                           recursive=True))
    rng = random.Random(args.seed)
    failures = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "case.py")
        for case in cases_from(files, rng):
            total += 1
            with open(path, "wb") as f:
                f.write(case)
            run = subprocess.run([args.ast_dump, path], capture_output=True)
            if run.returncode not in (0, 1) or run.stderr:
                failures += 1
                keep = f"fuzz_failure_{failures}.py"
                with open(keep, "wb") as f:
                    f.write(case)
                print(f"FAILURE (exit {run.returncode}) saved as {keep}")
                print(run.stderr.decode("utf-8", "replace")[-1500:])
    print(f"{total} cases, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
