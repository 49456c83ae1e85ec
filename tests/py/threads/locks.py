# Lock and RLock semantics, with and without contention.
import threading

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

rlock = threading.RLock()
with rlock:
    with rlock:
        print("nested ok")
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

total = 0
def add(n):
    global total
    for _ in range(n):
        with lock:
            total += 1

threads = [threading.Thread(target=add, args=(5000,)) for _ in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(total)
try:
    lock.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
try:
    lock.acquire(timeout=-5)
except ValueError as e:
    print("ValueError:", e)
