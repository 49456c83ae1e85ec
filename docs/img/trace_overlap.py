# The I/O overlap picture of docs/trace.md:
#     gilpy -X gil-trace=docs/img/trace_overlap.svg docs/img/trace_overlap.py
# Four threads sleep in a loop while a fifth counts down. A sleeping thread
# has released the GIL, so the sleeps of all four overlap, and the counting
# thread runs in between, handing the lock over briefly each time a sleeper
# wakes up to run its bit of Python.
import threading
import time


def sleeper(rounds):
    for _ in range(rounds):
        time.sleep(0.05)


def countdown(n):
    while n > 0:
        n -= 1


threads = [threading.Thread(target=sleeper, args=(4,), name='sleeper-%d' % i) for i in range(4)]
threads.append(threading.Thread(target=countdown, args=(8_000_000,), name='cpu'))
start = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
print('4 sleepers x 4 x 50 ms beside a countdown: %.2f s' % (time.time() - start))
