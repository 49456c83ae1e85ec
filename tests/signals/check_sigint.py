#!/usr/bin/env python3
"""Ctrl-C reaches gilpy programs blocked in every kind of wait.

For each case a gilpy child prints "ready" and then blocks (a lock, a join,
an Event, a queue, time.sleep, a pipe read). The checker sends SIGINT and
expects what CPython does: a KeyboardInterrupt traceback on stderr and death
by SIGINT (status -2), within a generous bound; a hang is a failure.

Usage: check_sigint.py --gilpy PATH   -> PASS/FAIL lines, "N passed, N failed"
"""
import argparse
import os
import signal
import subprocess
import sys
import time

CASES = {
    'lock_acquire': "import threading\nl = threading.Lock(); l.acquire()\nprint('ready', flush=True)\nl.acquire()\n",
    'thread_join': "import threading, time\nt = threading.Thread(target=time.sleep, args=(60,), daemon=True); t.start()\nprint('ready', flush=True)\nt.join()\n",
    'event_wait': "import threading\ne = threading.Event()\nprint('ready', flush=True)\ne.wait()\n",
    'queue_get': "import queue\nq = queue.Queue()\nprint('ready', flush=True)\nq.get()\n",
    'time_sleep': "import time\nprint('ready', flush=True)\ntime.sleep(60)\n",
    'short_sleeps': "import time\nprint('ready', flush=True)\nwhile True:\n    time.sleep(0.001)\n",
    'pipe_read': "import os\nr, w = os.pipe()\nprint('ready', flush=True)\nos.read(r, 1)\n",
    'cpu_loop': "print('ready', flush=True)\nn = 0\nwhile True:\n    n += 1\n",
    'asyncio_sleep': "import asyncio\nasync def main():\n    print('ready', flush=True)\n    await asyncio.sleep(60)\nasyncio.run(main())\n",
    'asyncio_cleanup': "import asyncio\nasync def main():\n    try:\n        print('ready', flush=True)\n        await asyncio.sleep(60)\n    except asyncio.CancelledError:\n        await asyncio.sleep(0.05)\n        raise\nasyncio.run(main())\n",
    'asyncio_busy_tasks': "import asyncio\nasync def spin():\n    while True:\n        await asyncio.sleep(0)\nasync def main():\n    ts = [asyncio.create_task(spin()) for _ in range(10)]\n    print('ready', flush=True)\n    await asyncio.gather(*ts)\nasyncio.run(main())\n",
    'cpu_beside_thread': "import threading\ndef spin():\n    while True: pass\nthreading.Thread(target=spin, daemon=True).start()\nprint('ready', flush=True)\nwhile True:\n    pass\n",
}


def run_case(gilpy, name, source):
    proc = subprocess.Popen([gilpy, '-c', source], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    if line.strip() != 'ready':
        proc.kill()
        return 'never became ready: %r %s' % (line, proc.stderr.read()[-300:])
    time.sleep(0.2)  # let it settle into the wait
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return 'still running 10 s after SIGINT'
    took = time.monotonic() - t0
    if proc.returncode != -signal.SIGINT:
        return 'exit status %s, expected -2; stderr: %s' % (proc.returncode, err[-300:])
    if 'KeyboardInterrupt' not in err:
        return 'no KeyboardInterrupt on stderr: %r' % err[-300:]
    return 'ok (%.2f s)' % took


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    args = ap.parse_args()
    passed = failed = 0
    for name, source in CASES.items():
        gilpy = os.path.abspath(args.gilpy) if os.sep in args.gilpy else args.gilpy
        outcome = run_case(gilpy, name, source)
        if outcome.startswith('ok'):
            passed += 1
            print('PASS %s %s' % (name, outcome[2:].strip()))
        else:
            failed += 1
            print('FAIL %s: %s' % (name, outcome))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
