# Differential checks of threading's synchronisation objects and helpers:
# Barrier phases (trip, action, abort, reset, timeout), semaphore limits and
# error messages, Condition ownership errors and wait_for timeouts, local()
# isolation and subclass __init__, ExceptHookArgs, Timer cancel.
import threading
import time

# --- Semaphore / BoundedSemaphore -------------------------------------------
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
for bad in (lambda: threading.Semaphore(-1), lambda: s.release(0),
            lambda: s.acquire(False, 1)):
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)
b = threading.BoundedSemaphore(1)
with b:
    print('inside bounded')
try:
    b.release()
except ValueError as e:
    print('ValueError:', e)
print(repr(b).split(' at ')[0], repr(b).endswith('value=1/1>'), repr(s).endswith('value=0>'))

# --- Event ------------------------------------------------------------------
e = threading.Event()
print(repr(e).endswith(': unset>'), e.is_set(), e.wait(0), e.wait(0.01))
e.set()
print(repr(e).endswith(': set>'), e.wait(), e.is_set())
e.clear()
print(e.is_set())

# --- Condition --------------------------------------------------------------
c = threading.Condition(threading.Lock())
for fn in (c.wait, c.notify, c.notify_all):
    try:
        fn()
    except RuntimeError as err:
        print('RuntimeError:', err)
with c:
    print(c.wait(0), c.wait_for(lambda: 0, 0.01), c.wait_for(lambda: 'yes'))
    print(repr(c).endswith(', 0)>'))
rc = threading.Condition()
with rc:
    with rc:
        print('reentrant wait:', rc.wait(0.001))
    rc.notify()
items = []
cv = threading.Condition()


def consumer(tag):
    with cv:
        cv.wait_for(lambda: items)
        items.append(tag)


workers = [threading.Thread(target=consumer, args=(i,)) for i in range(3)]
for w in workers:
    w.start()
time.sleep(0.05)
with cv:
    items.append('go')
    cv.notify_all()
for w in workers:
    w.join()
print(sorted(map(str, items)))

# --- Barrier ----------------------------------------------------------------
try:
    threading.Barrier(0)
except ValueError as err:
    print('ValueError:', err)
actions = []
bar = threading.Barrier(3, action=lambda: actions.append('tripped'))
indices = []


def arrive():
    indices.append(bar.wait())


ts = [threading.Thread(target=arrive) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(indices), actions, bar.parties, bar.n_waiting, bar.broken)

lonely = threading.Barrier(2, timeout=0.02)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print('timed out -> broken:', lonely.broken)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print('still broken')
lonely.reset()
print('after reset:', lonely.broken, lonely.n_waiting)

ab = threading.Barrier(2)
outcome = []


def victim():
    try:
        ab.wait()
    except threading.BrokenBarrierError:
        outcome.append('broken')


t = threading.Thread(target=victim)
t.start()
while ab.n_waiting < 1:
    time.sleep(0.001)
ab.abort()
t.join()
print(outcome, ab.broken)

failing = threading.Barrier(1, action=lambda: 1 / 0)
try:
    failing.wait()
except ZeroDivisionError:
    print('action failed, broken:', failing.broken)
print(issubclass(threading.BrokenBarrierError, RuntimeError))

# --- local ------------------------------------------------------------------
loc = threading.local()
loc.x = 1
seen = []


def peek():
    seen.append(hasattr(loc, 'x'))
    loc.x = 2
    seen.append(loc.x)


t = threading.Thread(target=peek)
t.start()
t.join()
print(seen, loc.x, loc.__dict__)
try:
    threading.local(1)
except TypeError as err:
    print('TypeError:', err)
try:
    loc.__dict__ = {}
except AttributeError:
    print('AttributeError: __dict__ is read-only')
del loc.x
try:
    del loc.x
except AttributeError:
    print('AttributeError on second del')


class Counter(threading.local):
    def __init__(self, start):
        self.n = start


cnt = Counter(10)
cnt.n += 1
other = []
t = threading.Thread(target=lambda: other.append(cnt.n))
t.start()
t.join()
print(cnt.n, other)

# --- ExceptHookArgs, excepthook ---------------------------------------------
caught = []
old_hook = threading.excepthook
threading.excepthook = lambda args: caught.append(
    (args.exc_type.__name__, str(args.exc_value), args.thread.name))
t = threading.Thread(target=lambda: {}['k'], name='boom')
t.start()
t.join()
threading.excepthook = old_hook
print(caught)

# --- Timer ------------------------------------------------------------------
fired = []
tm = threading.Timer(0.01, fired.append, args=['fired'])
tm.start()
tm.join()
tm2 = threading.Timer(10, fired.append, args=['never'])
tm2.start()
tm2.cancel()
tm2.join()
print(fired, tm2.finished.is_set())

# --- Thread errors ----------------------------------------------------------
t = threading.Thread(target=lambda: None, name=7)
print(t.name, repr(t), t.is_alive())
try:
    t.join()
except RuntimeError as err:
    print('RuntimeError:', err)
t.daemon = True
t.start()
t.join()
print(repr(t).split(' ')[0], t.is_alive(), 'stopped daemon' in repr(t))
for fn in (t.start, lambda: setattr(t, 'daemon', False),
           lambda: threading.current_thread().join()):
    try:
        fn()
    except RuntimeError as err:
        print('RuntimeError:', err)
print(threading.main_thread().name, threading.current_thread() is threading.main_thread())
print(threading.active_count(), len(threading.enumerate()))
