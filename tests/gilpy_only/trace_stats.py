# sys._gil_stats(): the GIL's switch counts and, per thread, the seconds it
# held the GIL, waited for it, waited on I/O and was blocked (docs/trace.md).
# CPython has no such function. Only structure and sums are printed: the
# figures themselves depend on the machine.
import sys
import threading
import time

first = sys._gil_stats()  # the first call starts the per-thread accounting
print(sorted(first))
print(sorted(first['threads']))


def spin(n):
    while n > 0:
        n -= 1
    time.sleep(0.001)


lock = threading.Lock()
lock.acquire()


def wait_for_lock():
    with lock:
        pass


workers = [threading.Thread(target=spin, args=(200_000,)) for _ in range(2)]
workers.append(threading.Thread(target=wait_for_lock, name='locked out'))
for w in workers:
    w.start()
time.sleep(0.01)
workers[2].name = 'renamed waiter'  # renaming a living thread renames its track
lock.release()
for w in workers:
    w.join()

stats = sys._gil_stats()
print(stats['switches'] > first['switches'], stats['forced_switches'] >= 0)
print(sorted(stats['threads']))
for name, d in sorted(stats['threads'].items()):
    print(name, sorted(d))
    assert d['held'] + d['waited'] <= d['wall'] + 1e-6, d
    assert d['held'] + d['waited'] + d['io'] + d['blocked'] <= d['wall'] + 1e-6, d
    assert d['gc'] <= d['held'] + 1e-9, d
    assert all(v >= 0 for v in d.values()), d
print(stats['threads']['Thread-2 (spin)']['held'] > 0)

# Bad arguments raise as a builtin would.
for call in (lambda: sys._gil_stats(1), lambda: sys._gil_trace_name(3),
             lambda: sys._gil_trace_name('x', 'y')):
    try:
        call()
    except TypeError as exc:
        print('TypeError:', exc)
sys._gil_trace_name('nobody', 12345)  # an unknown ident is ignored
