#!/usr/bin/env python3
"""Ctrl-C during a urllib wait (issues 6 and 8).

    tests/http/_sigint_check.py --gilpy build/gilpy [--python /usr/bin/python3]

Starts demos/http_server.py, then runs small programs under gilpy and under
CPython that block in urllib - urlopen() of /delay/10000 (waiting for the
headers), read() of /stall (headers, then silence) - and sends SIGINT once
they wait. Each must end the way CPython does: a KeyboardInterrupt
traceback on stderr and exit status 1, within a few seconds (never a hang).
A variant catches the KeyboardInterrupt and checks that the transfer is
gone: its socket is closed, so the count of open descriptors is back where
it was before the request. gilpy's results must equal CPython's.
"""

import argparse
import os
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'py', 'http'))
from _server import Server  # noqa: E402

PRELUDE = '''
import os, sys, time, urllib.request
def fds():
    return len(os.listdir('/proc/self/fd'))
base = sys.argv[1]
'''

PROGRAMS = {
    # Ctrl-C while urlopen() waits for the response headers.
    'urlopen_headers': PRELUDE + '''
print('ready', flush=True)
urllib.request.urlopen(base + '/delay/10000')
''',
    # Ctrl-C while read() waits for body bytes that never come.
    'read_body': PRELUDE + '''
r = urllib.request.urlopen(base + '/stall')
print('ready', flush=True)
r.read()
''',
    # The same, caught: the transfer and its connection must be gone.
    'urlopen_caught': PRELUDE + '''
urllib.request.urlopen(base + '/json').read()  # warm up: libraries loaded
before = fds()
print('ready', flush=True)
start = time.monotonic()
try:
    urllib.request.urlopen(base + '/delay/10000')
except KeyboardInterrupt:
    print('caught KeyboardInterrupt', flush=True)
print('quickly:', time.monotonic() - start < 5)
print('connection closed:', fds() <= before)  # gilpy's reused keep-alive one too
''',
}


def run(interpreter, name, base):
    proc = subprocess.Popen([interpreter, '-c', PROGRAMS[name], base], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()
    if first.strip() != 'ready':
        proc.kill()
        out, err = proc.communicate()
        return 'did not start: %r %r' % (first + out, err[-500:])
    time.sleep(0.5)  # let it block in the wait
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return 'hang: no exit within 10 s of SIGINT'
    took = time.monotonic() - sent
    lines = err.strip().splitlines()
    return '\n'.join([
        'status %d' % proc.returncode,
        'stdout %r' % out,
        'traceback: %s' % (bool(lines) and lines[0] == 'Traceback (most recent call last):'),
        'last line %r' % (lines[-1] if lines else ''),
        'within 5 s: %s' % (took < 5),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    ap.add_argument('--python', default='/usr/bin/python3')
    args = ap.parse_args()
    failed = 0
    with Server(python=args.python) as srv:
        for name in PROGRAMS:
            want = run(args.python, name, srv.base)
            got = run(args.gilpy, name, srv.base)
            ok = want == got
            failed += not ok
            print('%s %s' % ('PASS' if ok else 'FAIL', name))
            if not ok:
                print('  CPython:\n    ' + want.replace('\n', '\n    '))
                print('  gilpy:\n    ' + got.replace('\n', '\n    '))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
