# wait (three modes), as_completed, timeout/timeout_at, TaskGroup.
import asyncio


async def value(v, delay):
    await asyncio.sleep(delay)
    return v


async def fail(delay, msg='failed'):
    await asyncio.sleep(delay)
    raise ValueError(msg)


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    # Delays far apart (and the timeout between the first two), so the
    # order holds on a loaded machine too.
    def mk():
        return [asyncio.create_task(value('a', 0.01), name='a'),
                asyncio.create_task(fail(0.15), name='f'),
                asyncio.create_task(value('c', 0.3), name='c')]

    ts = mk()
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print('FIRST_COMPLETED', names(done), names(pending))
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print('FIRST_EXCEPTION', names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print('ALL_COMPLETED', names(done), names(pending), ts[1].exception())
    ts = mk()
    done, pending = await asyncio.wait(ts, timeout=0.08)
    print('timeout', names(done), names(pending))
    await asyncio.wait(ts)
    ts[1].exception()

    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError', e)
    coro = value(1, 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print('TypeError', e)
    coro.close()

    # as_completed yields in completion order.
    order = []
    for next_done in asyncio.as_completed([value('slow', 0.3), value('fast', 0.01),
                                           value('mid', 0.15)]):
        order.append(await next_done)
    print(order)
    try:
        for next_done in asyncio.as_completed([value('x', 1)], timeout=0.01):
            await next_done
    except asyncio.TimeoutError:
        print('as_completed timed out')

    # asyncio.timeout.
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout expired', cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.001)
    print('in time', cm.expired())
    async with asyncio.timeout(None) as cm:
        print('when', cm.when())
        cm.reschedule(asyncio.get_running_loop().time() + 1)
        print('rescheduled', cm.when() is not None)
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout_at expired')
    # Already past: expires at the first await.
    try:
        async with asyncio.timeout(-1):
            await asyncio.sleep(0)
    except TimeoutError:
        print('past deadline')

    # TaskGroup: results, then a failure that cancels the siblings.
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(value(1, 0.01))
        t2 = tg.create_task(value(2, 0.005))
    print('taskgroup', t1.result(), t2.result())
    log = []
    async def sibling():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            log.append('sibling cancelled')
            raise
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sibling())
            # sleep(0): both fail in the same loop iteration, however slow
            # the machine (two 10 ms timers may fire in different ones).
            tg.create_task(fail(0, 'one'))
            tg.create_task(fail(0, 'two'))
    except BaseException as eg:
        print('group', [str(e) for e in eg.exceptions], log)


asyncio.run(main())
