# Allocation sweep: threads, a lock, a queue and a condition.
import threading
import queue

results = queue.Queue()
lock = threading.Lock()
shared = {"n": 0}


def worker(k):
    for i in range(20):
        with lock:
            shared["n"] += 1
    results.put(k * k)


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
# After the joins, so a worker that died of MemoryError cannot leave this waiting.
got = sorted(results.get_nowait() for _ in range(results.qsize()))
done = threading.Event()
timer = threading.Thread(target=done.set)
timer.start()
done.wait(5)
timer.join()
print(got, shared["n"], done.is_set())
