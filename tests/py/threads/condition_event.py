# Condition, Event, Semaphore, BoundedSemaphore and Barrier.
import threading

cond = threading.Condition()
items = []
consumed = []

def consumer():
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        consumed.extend(items)

t = threading.Thread(target=consumer)
t.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
t.join()
print(consumed)
with cond:
    print(cond.wait(0.01))

ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
waiters = [threading.Thread(target=ev.wait) for _ in range(3)]
for w in waiters: w.start()
ev.set()
for w in waiters: w.join()
print(ev.is_set(), ev.wait(), [w.is_alive() for w in waiters])
ev.clear()
print(ev.is_set())

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
bsem = threading.BoundedSemaphore(1)
bsem.acquire(); bsem.release()
try:
    bsem.release()
except ValueError as e:
    print("ValueError:", e)

barrier = threading.Barrier(3)
order = []
def at_barrier(i):
    barrier.wait()
    order.append(i)
ts = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for x in ts: x.start()
for x in ts: x.join()
print(sorted(order), barrier.broken, barrier.parties)
