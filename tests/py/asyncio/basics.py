# asyncio.run, tasks, sleep, gather, Future: results and order of events.
import asyncio


async def work(name, delay, log):
    log.append(f'start {name}')
    await asyncio.sleep(delay)
    log.append(f'end {name}')
    return name.upper()


async def main():
    log = []
    print(await work('a', 0, log), log)

    # Tasks start in creation order; shorter sleeps finish first.
    log = []
    t1 = asyncio.create_task(work('slow', 0.05, log))
    t2 = asyncio.create_task(work('fast', 0.01, log), name='fast-one')
    print(t2.get_name(), t1.done())
    print(await t1, await t2, log)
    t2.set_name(42)
    print(repr(t2.get_name()), t2.done(), t2.result())

    # gather keeps argument order whatever the completion order.
    log = []
    print(await asyncio.gather(work('x', 0.03, log), work('y', 0.01, log), work('z', 0.02, log)))
    print(log)
    print(await asyncio.gather())

    # sleep's result argument.
    print(await asyncio.sleep(0.001, result='slept'))

    # Futures resolved by callbacks.
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut, fut.done(), fut.cancelled())
    loop.call_later(0.01, fut.set_result, 'ok')
    print(await fut, fut)
    fut = loop.create_future()
    loop.call_soon(fut.set_exception, KeyError('k'))
    try:
        await fut
    except KeyError as e:
        print('KeyError', e, fut.exception())

    # Done callbacks run through the loop, in order, with the future.
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('cb1', f.result()))
    fut.add_done_callback(lambda f: print('cb2', f.result()))
    fut.set_result(7)
    print('set')
    await asyncio.sleep(0)
    print(fut.remove_done_callback(print))

    # Future state errors.
    fut = loop.create_future()
    for method in (fut.result, fut.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print('InvalidStateError', e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError', e)
    try:
        loop.create_future().set_exception(StopIteration)
    except TypeError as e:
        print('TypeError', e)

    # current_task and all_tasks.
    me = asyncio.current_task()
    print(me is not None, me in asyncio.all_tasks(), me.done())
    print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))
    coro = work('c', 0, [])
    print(asyncio.iscoroutine(coro), asyncio.iscoroutine(1))
    await coro
    return 'main done'


print(asyncio.run(main()))

try:
    asyncio.run(1)
except ValueError as e:
    print('ValueError', e)

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError', e)


async def nested():
    coro = main()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print('RuntimeError', e)
    coro.close()

asyncio.run(nested())


async def fails():
    await asyncio.sleep(0)
    raise ZeroDivisionError('division by zero')

try:
    asyncio.run(fails())
except ZeroDivisionError as e:
    print('propagated', e)
