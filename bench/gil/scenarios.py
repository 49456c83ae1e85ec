"""GIL scenarios, measured by whichever interpreter runs this file.

    <interpreter> bench/gil/scenarios.py [--quick]

Prints one line per figure: `name value` (seconds or a ratio). Every figure
is taken within this one process, so it compares like with like; run.py in
this folder runs the file under gilpy and CPython alternately and prints
them side by side. Runs unchanged on CPython 3.11.
"""
import os
import sys
import threading
import time

QUICK = '--quick' in sys.argv
# The seeds' Pool example counts down 50 million; the threaded ones 100 million.
COUNT = 4_000_000 if QUICK else 50_000_000


def countdown(n):
    while n > 0:
        n -= 1


def timed(fn, *args):
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def two_threads(fn, a, b):
    t1 = threading.Thread(target=fn, args=a)
    t2 = threading.Thread(target=fn, args=b)
    t1.start(); t2.start(); t1.join(); t2.join()


def cpu_scenarios():
    one = timed(countdown, COUNT)
    two = timed(two_threads, countdown, (COUNT // 2,), (COUNT // 2,))
    print('cpu_one_thread_s %.4f' % one)
    print('cpu_two_threads_s %.4f' % two)
    print('cpu_two_threads_ratio %.3f' % (two / one))
    from multiprocessing import Pool
    t0 = time.perf_counter()
    with Pool(2) as pool:
        r1 = pool.apply_async(countdown, [COUNT // 2])
        r2 = pool.apply_async(countdown, [COUNT // 2])
        r1.get(); r2.get()
    pool_time = time.perf_counter() - t0
    print('cpu_pool2_s %.4f' % pool_time)
    print('cpu_pool2_ratio %.3f' % (pool_time / one))


class Spinner:
    """A CPU-bound thread that runs until stopped."""

    def __init__(self):
        self.stop = False
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        n = 0
        while not self.stop:
            n += 1

    def __enter__(self):
        self.thread.start()
        time.sleep(0.01)
        return self

    def __exit__(self, *exc):
        self.stop = True
        self.thread.join()


def echo_child():
    """Forks a process that echoes each byte it reads; returns (pid, to_child, from_child)."""
    down_r, down_w = os.pipe()
    up_r, up_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(down_w)
        os.close(up_r)
        while True:
            b = os.read(down_r, 1)
            if not b:
                os._exit(0)
            os.write(up_w, b)
    os.close(down_r)
    os.close(up_w)
    return pid, down_w, up_r


def read_ops(n):
    """n one-byte round trips through a child process: each os.read blocks
    for the child's answer, so the GIL is released and must be re-taken."""
    pid, to_child, from_child = echo_child()
    t0 = time.perf_counter()
    for _ in range(n):
        os.write(to_child, b'x')
        os.read(from_child, 1)
    elapsed = time.perf_counter() - t0
    os.close(to_child)
    os.close(from_child)
    os.waitpid(pid, 0)
    return elapsed


def sleep_ops(n, seconds):
    t0 = time.perf_counter()
    for _ in range(n):
        time.sleep(seconds)
    return time.perf_counter() - t0


def convoy_scenarios():
    n = 500 if QUICK else 2000
    alone = read_ops(n)
    with Spinner():
        beside = read_ops(n)
    print('convoy_read_alone_s %.4f' % alone)
    print('convoy_read_beside_cpu_s %.4f' % beside)
    print('convoy_read_slowdown %.1f' % (beside / alone))
    m = 200 if QUICK else 1000
    alone = sleep_ops(m, 0.0002)
    with Spinner():
        beside = sleep_ops(m, 0.0002)
    print('convoy_sleep200us_alone_s %.4f' % alone)
    print('convoy_sleep200us_beside_cpu_s %.4f' % beside)
    print('convoy_sleep200us_throughput_pct %.1f' % (100.0 * alone / beside))


def sleep_scenarios():
    n = 200 if QUICK else 1000
    t0 = time.perf_counter()
    threads = [threading.Thread(target=time.sleep, args=(0.5,)) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print('threads_%d_sleep_0_5_s %.4f' % (n, time.perf_counter() - t0))


if __name__ == '__main__':
    cpu_scenarios()
    convoy_scenarios()
    sleep_scenarios()
