# Cancellation: sleeping tasks, messages, shield, gather, wait_for timeouts.
import asyncio


async def sleeper(log, name, delay=10):
    try:
        await asyncio.sleep(delay)
        log.append(f'{name} woke')
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        raise


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        return 'refused'


async def main():
    log = []
    tasks = [asyncio.create_task(sleeper(log, f't{i}')) for i in range(5)]
    await asyncio.sleep(0.01)
    for t in tasks[::2]:
        print(t.cancel())
    print(tasks[0].cancel() is True, tasks[0].cancelling())
    await asyncio.sleep(0)
    print(log, [t.cancelled() for t in tasks])
    for t in tasks[1::2]:
        t.cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in res], len(log))
    print(tasks[0].cancel())

    # A task cancelled before it first runs never starts.
    t = asyncio.create_task(sleeper(log, 'never'))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('never started', 'never cancelled' in log)

    # Cancel message reaches the awaiting code.
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel('stop now')
    try:
        await t
    except asyncio.CancelledError as e:
        print('message:', e.args)
    try:
        t.result()
    except asyncio.CancelledError:
        print('result() raises CancelledError')

    # A coroutine may swallow cancellation.
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    # shield: the outer await is cancelled, the inner task goes on.
    inner = asyncio.create_task(asyncio.sleep(0.02, result='inner done'))
    async def waiter():
        return await asyncio.shield(inner)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('waiter cancelled', inner.done())
    print(await inner)

    # gather: one failure propagates; the others keep running.
    log = []
    async def fail():
        await asyncio.sleep(0.01)
        raise ValueError('boom')
    # 0.3 s, not less: the failure must come first even on a loaded machine.
    slow = asyncio.create_task(sleeper(log, 'slow', 0.3))
    try:
        await asyncio.gather(slow, fail())
    except ValueError as e:
        print('gather raised', e, slow.done())
    await slow
    print(log)

    # Cancelling a gather cancels its children.
    log = []
    g = asyncio.gather(sleeper(log, 'g1'), sleeper(log, 'g2'))
    await asyncio.sleep(0)
    print(g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled', sorted(log))

    # wait_for.
    print(await asyncio.wait_for(asyncio.sleep(0.01, result='in time'), 1))
    log = []
    try:
        await asyncio.wait_for(sleeper(log, 'late'), 0.01)
    except asyncio.TimeoutError as e:
        print('TimeoutError', type(e) is TimeoutError, log)
    try:
        await asyncio.wait_for(sleeper(log, 'zero'), 0)
    except TimeoutError:
        print('timeout 0', log)
    print(await asyncio.wait_for(asyncio.sleep(0, result='none'), None))

    # Cancelling the task that is inside wait_for cancels the inner one.
    log = []
    outer = asyncio.create_task(asyncio.wait_for(sleeper(log, 'inner'), 5))
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled', log)

asyncio.run(main())
