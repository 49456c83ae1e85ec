# asyncio futures: isfuture duck typing, reprs with callbacks, and
# wrap_future() over concurrent.futures (results, errors, cancellation).
import asyncio
import concurrent.futures
import functools


class Duck:
    _asyncio_future_blocking = False


class NotDuck:
    _asyncio_future_blocking = None


def cb_one(f):
    pass


def cb_two(f, extra=None):
    pass


async def main():
    loop = asyncio.get_running_loop()
    print(asyncio.isfuture(Duck()), asyncio.isfuture(NotDuck()), asyncio.isfuture(Duck),
          asyncio.isfuture(loop.create_future()), asyncio.isfuture(1))
    f = loop.create_future()
    print(repr(f))
    f.add_done_callback(id)
    print(repr(f))
    f.add_done_callback(repr)
    print(repr(f))
    f.add_done_callback(cb_two)
    f.add_done_callback(print)
    print(repr(f))
    f.set_result([1, 2])
    print(repr(f))
    e = loop.create_future()
    e.set_exception(KeyError('k'))
    print(repr(e))
    e.exception()
    c = loop.create_future()
    c.cancel()
    print(repr(c))


    class Plain(asyncio.Future):
        pass
    print(repr(Plain()))

    # wrap_future
    print(asyncio.wrap_future(f) is f)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        print(await asyncio.wrap_future(pool.submit(sum, [1, 2, 3])))
        try:
            await asyncio.wrap_future(pool.submit(int, 'x'))
        except ValueError as exc:
            print('ValueError', exc)
    cf = concurrent.futures.Future()
    af = asyncio.wrap_future(cf)
    print(repr(af).startswith('<Future pending'))
    af.cancel()
    await asyncio.sleep(0)
    print('concurrent cancelled:', cf.cancelled())
    cf = concurrent.futures.Future()
    af = asyncio.wrap_future(cf, loop=loop)
    cf.cancel()
    try:
        await af
    except asyncio.CancelledError:
        print('asyncio side cancelled', af.cancelled())
    cf = concurrent.futures.Future()
    af = asyncio.wrap_future(cf)
    cf.set_running_or_notify_cancel()
    cf.set_exception(concurrent.futures.CancelledError('from cf'))
    try:
        await af
    except asyncio.CancelledError as exc:
        print('converted', type(exc).__module__, af.cancelled())
    # run_in_executor and to_thread
    print(await loop.run_in_executor(None, pow, 2, 10))
    print(await asyncio.to_thread(lambda a, b=0: a + b, 1, b=2))


asyncio.run(main())
