# Lock, Event, Condition, Semaphore, BoundedSemaphore and the queues.
import asyncio


async def main():
    log = []
    lock = asyncio.Lock()

    async def critical(name):
        async with lock:
            log.append(f'{name} in')
            await asyncio.sleep(0.005)
            log.append(f'{name} out')

    await asyncio.gather(critical('a'), critical('b'), critical('c'))
    print(log, lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError', e)

    # Event.
    ev = asyncio.Event()
    async def wait_event(n):
        await ev.wait()
        return n
    waiters = [asyncio.create_task(wait_event(i)) for i in range(3)]
    await asyncio.sleep(0)
    print(ev.is_set(), [w.done() for w in waiters])
    ev.set()
    print(await asyncio.gather(*waiters), ev.is_set())
    ev.clear()
    print(ev.is_set())

    # Semaphore: at most two at once.
    sem = asyncio.Semaphore(2)
    active = [0]
    peak = [0]
    async def limited():
        async with sem:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
            await asyncio.sleep(0.002)
            active[0] -= 1
    await asyncio.gather(*(limited() for _ in range(6)))
    print('peak', peak[0], sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print('ValueError', e)
    bsem = asyncio.BoundedSemaphore(1)
    await bsem.acquire()
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print('ValueError', e)

    # Condition: producer/consumer.
    cond = asyncio.Condition()
    items = []
    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            return f'{name} got {items.pop(0)}'
    consumers = [asyncio.create_task(consumer(f'c{i}')) for i in range(2)]
    await asyncio.sleep(0)
    for v in ('x', 'y'):
        async with cond:
            items.append(v)
            cond.notify()
        await asyncio.sleep(0)
    print(await asyncio.gather(*consumers))
    try:
        cond.notify()
    except RuntimeError as e:
        print('RuntimeError', e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print('RuntimeError', e)

    # Queues.
    q = asyncio.Queue(maxsize=2)
    print(q.empty(), q.full(), q.qsize(), q.maxsize)
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print('QueueFull', q.full())
    print(q.get_nowait(), q.get_nowait())
    q.task_done()
    q.task_done()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')

    results = []
    async def producer():
        for i in range(5):
            await q.put(i)
            results.append(f'put {i}')
    async def worker():
        while True:
            item = await q.get()
            results.append(f'got {item}')
            q.task_done()
    w = asyncio.create_task(worker())
    await producer()
    await q.join()
    w.cancel()
    print(results)
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError', e)

    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for v in (3, 1, 2):
        lq.put_nowait(v)
        pq.put_nowait((v, str(v)))
    print([lq.get_nowait() for _ in range(3)], [pq.get_nowait() for _ in range(3)])

    # A get() that waits, then is fed.
    q = asyncio.Queue()
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait('late')
    print(await getter)

asyncio.run(main())
