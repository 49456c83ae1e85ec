#!/usr/bin/env python3
"""Nothing written is lost, whichever way a program ends.

Each case is a small program that writes to stdout (and stderr) without
flushing, then ends one way: falling off the end, an uncaught exception,
sys.exit with a number or a message, KeyboardInterrupt, a non-daemon thread
still printing, os._exit, an atexit handler. stdout and stderr are pipes,
so they are block-buffered as in a shell pipeline - the case where lost
output shows. The case runs under CPython and under gilpy; the exit status,
stdout and the last line of stderr must be the same.

Usage: check_exit_paths.py --gilpy PATH [--python python3]
Prints PASS/FAIL per case and a summary; exits 1 if any case failed.
"""
import argparse
import subprocess
import sys

BULK = "for i in range(20000):\n    print('line', i)\n"

CASES = {
    'normal_end': BULK + "print('end', end='')\n",
    'uncaught_exception': BULK + "raise ValueError('boom')\n",
    'sys_exit_int': BULK + "import sys\nsys.exit(3)\n",
    'sys_exit_message': BULK + "import sys\nsys.exit('bye')\n",
    'sys_exit_none': BULK + "import sys\nsys.exit()\n",
    'keyboard_interrupt': BULK + "raise KeyboardInterrupt\n",
    'system_exit_in_function': BULK + "def f():\n    raise SystemExit(7)\nf()\n",
    'stderr_and_stdout': BULK + "import sys\nsys.stderr.write('err no newline')\n",
    'thread_prints_after_main': (
        "import threading, time\n"
        "def worker():\n    time.sleep(0.2)\n" + "    " + BULK.replace("\n    ", "\n        ").replace("\n", "\n    ").rstrip() + "\n"
        "threading.Thread(target=worker).start()\nprint('main done')\n"),
    'exception_in_thread': (
        "import threading\n"
        "def worker():\n    print('in thread')\n    raise RuntimeError('thread boom')\n"
        "t = threading.Thread(target=worker)\nt.start()\nt.join()\n" + BULK),
    'atexit_handler': (
        "import atexit\n"
        "atexit.register(lambda: print('from atexit'))\n" + BULK),
    'os_exit_flushed': BULK + "import os, sys\nsys.stdout.flush()\nos._exit(4)\n",
    'write_no_newline': "import sys\nsys.stdout.write('x' * 100000)\n",
    'print_file_stderr': BULK.replace("print('line', i)", "print('line', i, file=__import__('sys').stderr)"),
    'exception_in_del_at_exit': (
        "class C:\n    def __del__(self):\n        print('del ran')\n"
        "c = C()\n" + BULK),
    'generator_finally_at_exit': (
        "def g():\n    try:\n        yield 1\n    finally:\n        print('finally ran')\n"
        "it = g()\nnext(it)\n" + BULK),
}


def run(interpreter, source):
    proc = subprocess.run([interpreter, '-c', source], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=60)
    err_lines = proc.stderr.decode('utf-8', 'replace').strip().splitlines()
    return proc.returncode, proc.stdout, err_lines[-1] if err_lines else ''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    ap.add_argument('--python', default=sys.executable)
    args = ap.parse_args()
    failed = 0
    for name, source in CASES.items():
        want = run(args.python, source)
        try:
            got = run(args.gilpy, source)
        except subprocess.TimeoutExpired:
            got = ('timeout', b'', '')
        if got == want:
            print('PASS', name)
            continue
        failed += 1
        print('FAIL', name)
        print('   status:', want[0], 'vs', got[0])
        print('   stdout bytes:', len(want[1]), 'vs', len(got[1]))
        print('   stderr last line: %r vs %r' % (want[2], got[2]))
    print('%d passed, %d failed' % (len(CASES) - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
