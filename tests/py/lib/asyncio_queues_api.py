# asyncio.Queue, LifoQueue and PriorityQueue: ordering, bounds, blocking
# put/get, cancellation of waiters, task_done/join, str() and errors.
import asyncio


async def attempt(label, aw):
    try:
        print(label, repr(await aw))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


def show(label, fn):
    try:
        print(label, repr(fn()))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


async def basics():
    q = asyncio.Queue()
    print(str(q), q.maxsize, q.qsize(), q.empty(), q.full())
    show('get_nowait empty:', q.get_nowait)
    for i in range(3):
        q.put_nowait(i)
    print(str(q), q.qsize(), q.empty(), q.full())
    print(repr(q).startswith('<Queue at 0x'), repr(q).endswith('maxsize=0 _queue=[0, 1, 2] tasks=3>'))
    print([q.get_nowait() for _ in range(3)])
    b = asyncio.Queue(maxsize=2)
    b.put_nowait('a')
    await b.put('b')
    print(b.full(), str(b))
    show('put_nowait full:', lambda: b.put_nowait('c'))
    print(issubclass(asyncio.QueueFull, Exception), issubclass(asyncio.QueueEmpty, Exception))
    neg = asyncio.Queue(-1)
    for i in range(5):
        neg.put_nowait(i)
    print(neg.full(), neg.qsize(), neg.maxsize)
    lifo = asyncio.LifoQueue()
    prio = asyncio.PriorityQueue()
    for x in (3, 1, 2):
        lifo.put_nowait(x)
        prio.put_nowait((x, str(x)))
    print(str(lifo), str(prio))
    print([lifo.get_nowait() for _ in range(3)], [prio.get_nowait() for _ in range(3)])


async def blocking():
    q = asyncio.Queue(maxsize=1)
    got = []

    async def consumer(name):
        item = await q.get()
        got.append((name, item))
        q.task_done()

    consumers = [asyncio.ensure_future(consumer(n)) for n in 'xyz']
    await asyncio.sleep(0)
    print(str(q))
    for i in range(3):
        await q.put(i)
    await asyncio.gather(*consumers)
    print(got)

    # Putters wait while the queue is full and go in order.
    q = asyncio.Queue(maxsize=1)
    q.put_nowait('first')
    putters = [asyncio.ensure_future(q.put(f'p{i}')) for i in range(3)]
    await asyncio.sleep(0)
    print(str(q))
    out = []
    for _ in range(4):
        out.append(await q.get())
    print(out, all(p.done() for p in putters))

    # A cancelled getter hands its wakeup to the next one.
    q = asyncio.Queue()
    g1 = asyncio.ensure_future(q.get())
    g2 = asyncio.ensure_future(q.get())
    await asyncio.sleep(0)
    q.put_nowait('only')
    g1.cancel()
    await asyncio.sleep(0.01)
    print(g1.cancelled(), g2.done() and g2.result())

    # A cancelled putter hands its slot on too.
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(0)
    p1 = asyncio.ensure_future(q.put(1))
    p2 = asyncio.ensure_future(q.put(2))
    await asyncio.sleep(0)
    q.get_nowait()
    p1.cancel()
    await asyncio.sleep(0.01)
    print(p1.cancelled(), p2.done(), q.get_nowait())

    # get() with a timeout leaves nothing behind.
    q = asyncio.Queue()
    await attempt('get timeout:', asyncio.wait_for(q.get(), 0.01))
    print(str(q))
    q.put_nowait('later')
    print(await q.get())


async def joining():
    q = asyncio.Queue()
    await q.join()
    print('join on empty returns')
    for i in range(3):
        q.put_nowait(i)
    done = []

    async def worker():
        while True:
            item = await q.get()
            await asyncio.sleep(0.001)
            done.append(item)
            q.task_done()

    w = asyncio.ensure_future(worker())
    await q.join()
    print('joined', done, str(q))
    w.cancel()
    await attempt('worker:', w)
    show('task_done too many:', q.task_done)
    q.put_nowait('x')
    j = asyncio.ensure_future(q.join())
    await asyncio.sleep(0)
    print('join pending:', j.done())
    q.get_nowait()
    q.task_done()
    await asyncio.sleep(0)
    print('join done:', j.done())


class Reversed(asyncio.Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.insert(0, item)

    def _get(self):
        return self._queue.pop(0)


async def subclass():
    q = Reversed()
    for i in range(3):
        q.put_nowait(i)
    print(str(q), [q.get_nowait() for _ in range(3)])


async def main():
    for case in (basics, blocking, joining, subclass):
        print('--', case.__name__)
        await case()


asyncio.run(main())
