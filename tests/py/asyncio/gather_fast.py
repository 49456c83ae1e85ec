# gather() and create_task() inside a task take a path written in C; these
# are the cases it must get exactly as CPython does: repeated arguments,
# errors and cancellations with and without return_exceptions, children
# already done, a cancelled gather, and done-callbacks (several on one
# future, one of them failing) running in the order they were added.
import asyncio


async def value(v, delay=0):
    await asyncio.sleep(delay)
    return v


async def fail(msg, delay=0):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def forever():
    await asyncio.sleep(100)


def report(loop, context):
    exc = context.get('exception')
    print('handler:', context['message'].split(' at ')[0][:60], type(exc).__name__, exc)


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(report)

    # Plain, repeated tasks and repeated coroutines.
    t1 = asyncio.create_task(value(1))
    t2 = asyncio.create_task(value(2, 0.01))
    print(await asyncio.gather(t1, t2, t1))
    c = value(3)
    print(await asyncio.gather(c, c, value(4)))

    # An exception without return_exceptions: the first one wins.
    try:
        await asyncio.gather(value(1, 0.02), fail('boom', 0.01), fail('late', 0.03))
    except ValueError as e:
        print('raised', e)
    await asyncio.sleep(0.04)

    # With return_exceptions, errors and cancellations become results.
    victim = asyncio.create_task(forever())
    g = asyncio.gather(value(5), fail('x'), victim, return_exceptions=True)
    await asyncio.sleep(0)
    victim.cancel('bye')
    res = await g
    print([type(r).__name__ for r in res], res[0], res[1], repr(res[2].args))

    # A cancelled child without return_exceptions cancels gather's result.
    victim = asyncio.create_task(forever())
    g = asyncio.gather(victim, value(6))
    await asyncio.sleep(0)
    victim.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled by a child', g.cancelled())

    # Cancelling gather cancels its children.
    kids = [asyncio.create_task(forever()) for _ in range(3)]
    g = asyncio.gather(*kids)
    await asyncio.sleep(0)
    print(g.cancel(), g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled', [k.cancelled() for k in kids])

    # A child that is already done, and a plain future.
    done = asyncio.create_task(value(7))
    await done
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 8)
    print(await asyncio.gather(done, fut, value(9)))

    # Outside a task: the Python path.
    print(type(asyncio.gather(value(1), value(2))).__name__)

    # create_task() with a name, and with a task factory.
    t = asyncio.create_task(value(10), name='ten')
    print(t.get_name(), await t)
    loop.set_task_factory(lambda loop, coro: asyncio.Task(coro, loop=loop, name='made'))
    t = asyncio.create_task(value(11))
    print(t.get_name(), await t)
    print(await asyncio.gather(value(12)))
    loop.set_task_factory(None)
    t = asyncio.create_task(value(13))
    print(t.get_name().startswith('Task-'), await t)

    # Several done-callbacks on one future: order, a failing one, and what
    # the future shows once they are scheduled.
    order = []
    fut = loop.create_future()
    fut.add_done_callback(lambda f: order.append('a'))
    fut.add_done_callback(lambda f: 1 / 0)
    fut.add_done_callback(lambda f: order.append('c'))
    fut.set_result(None)
    loop.call_soon(order.append, 'after')
    print(fut._callbacks, fut.remove_done_callback(print))
    fut.add_done_callback(lambda f: order.append('late'))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(order)

    # A task waited on by a task and watched by callbacks.
    order = []
    t = asyncio.create_task(value(14))
    t.add_done_callback(lambda f: order.append('cb1'))

    async def waiter():
        await t
        order.append('waiter')

    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: order.append('cb2'))
    await w
    await asyncio.sleep(0)
    print(order)


asyncio.run(main())


async def outside():
    # gather() and create_task() from a plain callback (no running task).
    loop = asyncio.get_running_loop()
    box = []
    loop.call_soon(lambda: box.append(asyncio.gather(value(1), value(2))))
    await asyncio.sleep(0)
    print(await box[0])

asyncio.run(outside())
