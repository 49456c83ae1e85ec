#!/usr/bin/env python3
"""Ctrl-C at a random moment never hangs a threaded or asyncio program.

Each program below keeps several threads or tasks busy (CPU, sleeps, locks,
queues, event-loop timers, socket-free I/O through pipes) and prints
"ready". The checker sends SIGINT after a random delay, many times per
program, and expects what CPython does: the process ends within a bound,
by SIGINT (status -2) or with status 1 and "KeyboardInterrupt" on stderr,
never a hang and never a crash (a negative status other than -2, or a
sanitizer report).

Usage: check_sigint_random.py --gilpy PATH [--trials N] [--seed S]
"""
import argparse
import random
import signal
import subprocess
import sys
import time

PROGRAMS = {
    'threads_mixed': '''
import threading, time, queue
q = queue.Queue()
lock = threading.Lock()
def cpu():
    n = 0
    while True:
        n += 1
def sleeper():
    while True:
        time.sleep(0.001)
def producer():
    i = 0
    while True:
        q.put(i); i += 1
        time.sleep(0.0005)
def consumer():
    while True:
        q.get()
        with lock:
            pass
for f in (cpu, sleeper, producer, consumer):
    threading.Thread(target=f, daemon=True).start()
print('ready', flush=True)
while True:
    with lock:
        time.sleep(0.0001)
''',
    'join_workers': '''
import threading, time
def work():
    for _ in range(1000000):
        time.sleep(0.001)
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts:
    t.daemon = True
    t.start()
print('ready', flush=True)
for t in ts:
    t.join()
''',
    'asyncio_tasks': '''
import asyncio
async def ticker(d):
    while True:
        await asyncio.sleep(d)
async def spin():
    while True:
        for _ in range(1000):
            pass
        await asyncio.sleep(0)
async def main():
    q = asyncio.Queue()
    async def prod():
        while True:
            await q.put(1)
            await asyncio.sleep(0.001)
    async def cons():
        while True:
            await q.get()
    tasks = [asyncio.create_task(c) for c in (ticker(0.001), ticker(0.01), spin(), prod(), cons())]
    print('ready', flush=True)
    await asyncio.gather(*tasks)
asyncio.run(main())
''',
    'asyncio_with_threads': '''
import asyncio, time, threading
def cpu():
    while True:
        pass
threading.Thread(target=cpu, daemon=True).start()
async def main():
    loop = asyncio.get_running_loop()
    print('ready', flush=True)
    while True:
        await loop.run_in_executor(None, time.sleep, 0.002)
        await asyncio.sleep(0.001)
asyncio.run(main())
''',
}


def trial(gilpy, source, delay):
    proc = subprocess.Popen([gilpy, '-c', source], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    line = proc.stdout.readline()
    if line.strip() != b'ready':
        proc.kill()
        out, err = proc.communicate()
        return 'never became ready: %r %r' % (line, err[-300:])
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return 'hung after SIGINT (delay %.3f s)' % delay
    text = err.decode('utf-8', 'replace')
    if 'Sanitizer' in text or 'runtime error' in text:
        return 'sanitizer report: ' + text[-500:]
    if proc.returncode == -signal.SIGINT:
        return None
    if proc.returncode == 1 and 'KeyboardInterrupt' in text:
        return None
    return 'status %s, stderr %r' % (proc.returncode, text[-300:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gilpy', required=True)
    ap.add_argument('--trials', type=int, default=8)
    ap.add_argument('--seed', type=int, default=None)
    args = ap.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print('seed', seed)
    failed = total = 0
    for name, source in PROGRAMS.items():
        for i in range(args.trials):
            delay = rng.uniform(0.0, 0.3)
            total += 1
            problem = trial(args.gilpy, source, delay)
            if problem:
                failed += 1
                print('FAIL %s #%d: %s' % (name, i, problem))
        print('done', name)
    print('%d passed, %d failed' % (total - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
