# queue: FIFO, LIFO, priority, bounded, timeouts, task_done/join.
import queue
import threading

q = queue.Queue()
for i in range(3):
    q.put(i)
print(q.qsize(), q.empty(), [q.get() for _ in range(3)], q.empty())
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty")
try:
    q.get_nowait()
except queue.Empty:
    print("Empty nowait")

lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [3, 1, 2]:
    lq.put(x)
    pq.put((x, str(x)))
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])

bq = queue.Queue(maxsize=1)
bq.put('a')
print(bq.full())
try:
    bq.put('b', timeout=0.01)
except queue.Full:
    print("Full")

work = queue.Queue()
done = []
def worker():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            break
        done.append(item * item)
        work.task_done()
t = threading.Thread(target=worker)
t.start()
for i in range(5):
    work.put(i)
work.put(None)
work.join()
t.join()
print(sorted(done))
sq = queue.SimpleQueue()
sq.put(1)
print(sq.get(), sq.empty())
