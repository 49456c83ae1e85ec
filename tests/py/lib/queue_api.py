# queue: every class, blocking and non-blocking calls, timeouts, the errors
# of misuse, task tracking, public attributes and the subclass hooks.
import queue
import threading
import time


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls(maxsize=2)
    print(cls.__name__, q.maxsize, q.qsize(), q.empty(), q.full(), q.unfinished_tasks)
    q.put(5)
    q.put_nowait(1)
    print(q.qsize(), q.empty(), q.full(), q.unfinished_tasks, sorted(q.queue))
    attempt('put_nowait full:', lambda: q.put_nowait(9))
    attempt('put block=False:', lambda: q.put(9, False))
    attempt('put timeout:', lambda: q.put(9, timeout=0.01))
    attempt('put negative timeout:', lambda: q.put(9, timeout=-1))
    print(q.get(), q.get_nowait())
    attempt('get_nowait empty:', q.get_nowait)
    attempt('get block=False:', lambda: q.get(False))
    attempt('get timeout:', lambda: q.get(timeout=0.01))
    attempt('get negative timeout:', lambda: q.get(timeout=-1))
    attempt('get zero timeout:', lambda: q.get(timeout=0))
    q.task_done()
    q.task_done()
    attempt('task_done too many:', q.task_done)
    q.join()
    print(type(q.mutex).__name__, type(q.not_empty).__name__,
          q.not_empty._lock is q.mutex if hasattr(q.not_empty, '_lock') else True)

unbounded = queue.Queue(-3)
for i in range(10):
    unbounded.put(i, block=False)
print(unbounded.full(), unbounded.qsize())
q = queue.Queue(maxsize=0)
print(q.full())

# A full queue unblocks when a consumer takes an item.
q = queue.Queue(maxsize=1)
q.put('a')
seen = []


def consumer():
    time.sleep(0.02)
    seen.append(q.get())


t = threading.Thread(target=consumer)
t.start()
q.put('b', timeout=5)
t.join()
print(seen, q.get())

# join() waits for task_done() from workers.
q = queue.Queue()
results = []


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        results.append(item * 2)
        q.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(20):
    q.put(i)
q.join()
print(sorted(results) == [i * 2 for i in range(20)], q.unfinished_tasks)
for w in workers:
    q.put(None)
for w in workers:
    w.join()

# SimpleQueue
sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
sq.put(1)
sq.put_nowait(2)
sq.put(3, block=False, timeout=1)
print(sq.qsize(), sq.empty(), sq.get(), sq.get_nowait(), sq.get(timeout=1))
attempt('simple get_nowait:', sq.get_nowait)
attempt('simple get timeout:', lambda: sq.get(timeout=0.01))
attempt('simple negative timeout:', lambda: sq.get(timeout=-1))
attempt('simple block False:', lambda: sq.get(False))


def late_put():
    time.sleep(0.02)
    sq.put('late')


t = threading.Thread(target=late_put)
t.start()
print(sq.get())
t.join()


class Sorted(queue.Queue):
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)
        self.queue.sort(reverse=True)

    def _get(self):
        return self.queue.pop()


s = Sorted()
for x in (3, 1, 2):
    s.put(x)
print([s.get() for _ in range(3)])
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(sorted(queue.__all__))
