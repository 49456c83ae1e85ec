# Sleeping tasks and the cycle collector: a collection while thousands of
# tasks wait must neither free nor disturb them, and once they are done the
# cycles they are part of must be collectable again. Also: sleeps started
# one after the other end in that order, and cancelling one sleeper among
# many with the same delay wakes only that one.
import asyncio
import gc


class Marker:
    """Prints when the collector frees it (its __del__ runs)."""

    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        print('freed', self.name)


async def sleeper(i, out, delay):
    await asyncio.sleep(delay)
    out.append(i)
    return i


async def cyclic(name):
    # The coroutine's frame holds a cycle (m <-> m2) while it sleeps.
    m = Marker(name)
    m2 = Marker(name + "'")
    m.partner, m2.partner = m2, m
    await asyncio.sleep(0.01)
    return len(m.name)


async def returns_cycle():
    # The task's result refers back to the task: a cycle through a finished
    # task, which only the collector can free.
    holder = Marker('holder')
    holder.partner = asyncio.current_task()
    await asyncio.sleep(0)
    return holder


async def main():
    loop = asyncio.get_running_loop()

    # Collections while 3,000 tasks sleep; all of them finish, in order.
    out = []
    tasks = [asyncio.create_task(sleeper(i, out, 0.02)) for i in range(3000)]
    await asyncio.sleep(0)
    gc.collect()
    await asyncio.sleep(0.005)
    gc.collect()
    results = await asyncio.gather(*tasks)
    print(results == list(range(3000)), out == list(range(3000)))

    # The cycle held by a sleeping coroutine survives collections and is
    # freed by the collector once the task is done and dropped.
    t = asyncio.create_task(cyclic('frame'))
    await asyncio.sleep(0)
    gc.collect()
    print('collected while sleeping')
    print(await t)
    del t
    gc.collect()
    print('after the task')

    # A finished task in a cycle with its own result.
    t = asyncio.create_task(returns_cycle())
    holder = await t
    print(holder.partner is t, t.done())
    del t, holder
    gc.collect()
    print('after the cycle')

    # Equal deadlines: every callback fires, in the same round. (Their
    # order is CPython's heapq order, not the order of scheduling, and is
    # not what this test is about.)
    order = []
    when = loop.time() + 0.01
    for i in range(20):
        loop.call_at(when, order.append, i)
    await asyncio.sleep(0.03)
    print(sorted(order) == list(range(20)))

    # One cancelled sleeper among many with the same delay.
    out = []
    tasks = [asyncio.create_task(sleeper(i, out, 0.01)) for i in range(50)]
    await asyncio.sleep(0)
    tasks[7].cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print(type(res[7]).__name__, 7 in out, len(out), res[:7] == list(range(7)))
    print(len(asyncio.all_tasks()))


asyncio.run(main())
gc.collect()
print('end')
