# asyncio.Lock, Event, Condition, Semaphore and BoundedSemaphore: fairness,
# cancellation, reprs (without addresses), errors and loop binding.
import asyncio
import re


def r(obj):
    return re.sub(r' at 0x[0-9a-f]+', '', repr(obj))


def show(label, fn):
    try:
        print(label, repr(fn()))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


async def attempt(label, aw):
    try:
        print(label, repr(await aw))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


async def spin(n=5):
    for _ in range(n):
        await asyncio.sleep(0)


async def lock_cases():
    lock = asyncio.Lock()
    print(r(lock), lock.locked())
    print(await lock.acquire(), r(lock))
    order = []

    async def user(name):
        async with lock:
            order.append(name)
            await asyncio.sleep(0)

    tasks = [asyncio.ensure_future(user(n)) for n in 'abc']
    await spin(1)
    print(r(lock))
    lock.release()
    await asyncio.gather(*tasks)
    print(order, r(lock))
    show('release unlocked:', lock.release)

    # A cancelled waiter does not keep the lock from the next one.
    await lock.acquire()
    w1 = asyncio.ensure_future(lock.acquire())
    w2 = asyncio.ensure_future(lock.acquire())
    await spin(1)
    lock.release()
    w1.cancel()
    await spin()
    print(w1.cancelled(), w2.done(), lock.locked())
    lock.release()
    # Cancelled before being woken.
    await lock.acquire()
    w = asyncio.ensure_future(lock.acquire())
    await spin(1)
    w.cancel()
    await spin()
    print(w.cancelled(), r(lock))
    lock.release()
    print(r(lock))
    async with lock as value:
        print('as value:', value)


async def event_cases():
    ev = asyncio.Event()
    print(r(ev), ev.is_set())
    waiters = [asyncio.ensure_future(ev.wait()) for _ in range(3)]
    await spin(1)
    print(r(ev))
    ev.set()
    ev.set()
    print(await asyncio.gather(*waiters), r(ev))
    print(await ev.wait())
    ev.clear()
    print(ev.is_set(), r(ev))
    w = asyncio.ensure_future(ev.wait())
    await spin(1)
    w.cancel()
    await attempt('cancelled wait:', w)
    print(r(ev))
    # set() then clear() before the waiter runs: it still wakes.
    w = asyncio.ensure_future(ev.wait())
    await spin(1)
    ev.set()
    ev.clear()
    print(await w)


async def condition_cases():
    cond = asyncio.Condition()
    print(r(cond))
    show('notify unlocked:', cond.notify)
    show('notify_all unlocked:', cond.notify_all)
    await attempt('wait unlocked:', cond.wait())
    box = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: box)
            box.append(name)

    tasks = [asyncio.ensure_future(consumer(n)) for n in 'xyz']
    await spin()
    async with cond:
        print(r(cond))
        box.append('item')
        cond.notify(2)
    await spin()
    print(box, [t.done() for t in tasks])
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(box, r(cond))

    held_after = []

    async def one_waiter():
        async with cond:
            try:
                return await cond.wait()
            finally:
                held_after.append(cond.locked())

    w = asyncio.ensure_future(one_waiter())
    await spin()
    async with cond:
        cond.notify()
        print('held during notify:', cond.locked())
    print(await w, held_after, cond.locked())

    # Cancelling a waiter: it re-acquires the lock before it raises.
    w = asyncio.ensure_future(one_waiter())
    await spin()
    await cond.acquire()
    w.cancel()
    await spin()
    print('cancelled while held:', w.done())
    cond.release()
    await attempt('cancelled waiter:', w)
    print(held_after, cond.locked())

    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    print(c2.locked() is False, c2._lock is lock if hasattr(c2, '_lock') else True)
    async with c2:
        print('shared lock held:', lock.locked())
    result = None
    async with c2:
        result = await c2.wait_for(lambda: 42)
    print('wait_for value:', result)


async def semaphore_cases():
    show('negative:', lambda: asyncio.Semaphore(-1))
    sem = asyncio.Semaphore(2)
    print(r(sem), sem.locked())
    await sem.acquire()
    await sem.acquire()
    print(r(sem), sem.locked())
    waits = [asyncio.ensure_future(sem.acquire()) for _ in range(3)]
    await spin(1)
    print(r(sem))
    sem.release()
    sem.release()
    await spin()
    print([w.done() for w in waits], r(sem))
    waits[2].cancel()
    await spin()
    sem.release()
    sem.release()
    sem.release()
    print(r(sem))
    z = asyncio.Semaphore(0)
    print(r(z), z.locked())
    z.release()
    print(r(z))
    async with z:
        print('inside', r(z))
    b = asyncio.BoundedSemaphore(1)
    print(r(b))
    show('bounded over:', b.release)
    async with b:
        print('bounded inside', b.locked())
    show('bounded over again:', b.release)
    # Cancelled after being woken: the unit goes to the next waiter.
    s = asyncio.Semaphore(0)
    a1 = asyncio.ensure_future(s.acquire())
    a2 = asyncio.ensure_future(s.acquire())
    await spin(1)
    s.release()
    a1.cancel()
    await spin()
    print(a1.cancelled(), a2.done(), r(s))


async def main():
    for case in (lock_cases, event_cases, condition_cases, semaphore_cases):
        print('--', case.__name__)
        await case()
    return asyncio.Lock(), asyncio.Event(), asyncio.Semaphore(0)


lock, event, sem = asyncio.run(main())


async def other_loop():
    await lock.acquire()
    lock.release()
    await lock.acquire()
    w = asyncio.ensure_future(lock.acquire())
    await spin(1)
    return w

w = None
async def first():
    global w
    w = await other_loop()
    lock.release()
    await w
    lock.release()
asyncio.run(first())


async def second():
    await lock.acquire()
    try:
        await lock.acquire()
    except RuntimeError as exc:
        print('RuntimeError', re.sub(r' at 0x[0-9a-f]+', '', str(exc)))
    lock.release()
asyncio.run(second())
