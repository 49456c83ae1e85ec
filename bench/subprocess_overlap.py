"""subprocess waits overlap and leave the GIL to a computing thread.

    gilpy bench/subprocess_overlap.py      (also runs under python3)

Three measurements, printed as one line each:
  1. serial:  4 x `sleep 0.5` one after another (expect ~2.0 s);
  2. threads: the same 4 in 4 threads at once (~0.5 s if waits overlap);
  3. compute: how many units a CPU-bound thread completes alone for 1 s,
     and while 4 threads each run 20 short commands with captured output
     (close to the first figure when waiting really releases the GIL).
Also the spawn rate: `true` run 200 times in a row, in runs per second.
"""
import subprocess
import threading
import time


def sleeps_serial(n):
    start = time.perf_counter()
    for _ in range(n):
        subprocess.run(['sleep', '0.5'])
    return time.perf_counter() - start


def sleeps_threads(n):
    start = time.perf_counter()
    threads = [threading.Thread(target=subprocess.run, args=(['sleep', '0.5'],))
               for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def compute_units(seconds, busy=None):
    units = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        total = 0
        for k in range(2000):
            total += k * k
        units += 1
        if busy is not None and not busy.is_set():
            break
    return units


def commands(count):
    for i in range(count):
        subprocess.run(['sh', '-c', 'echo %d; sleep 0.02' % i], capture_output=True)


def compute_while_spawning():
    busy = threading.Event()
    busy.set()
    workers = [threading.Thread(target=commands, args=(20,)) for _ in range(4)]
    start = time.perf_counter()
    for t in workers:
        t.start()
    units = 0
    while any(t.is_alive() for t in workers):
        units += compute_units(0.05)
    elapsed = time.perf_counter() - start
    for t in workers:
        t.join()
    return units / elapsed, elapsed


def spawn_rate(n):
    start = time.perf_counter()
    for _ in range(n):
        subprocess.run(['true'])
    return n / (time.perf_counter() - start)


if __name__ == '__main__':
    print('serial   4 x sleep 0.5: %.2f s' % sleeps_serial(4))
    print('threads  4 x sleep 0.5: %.2f s' % sleeps_threads(4))
    alone = compute_units(1.0)
    busy_rate, elapsed = compute_while_spawning()
    print('compute  alone: %d units/s; beside 4 threads x 20 commands: %d units/s (%.2f s)'
          % (alone, busy_rate, elapsed))
    print('spawn    true x 200: %.0f runs/s' % spawn_rate(200))
