# Future subclasses, awaitables, async generators, executors, wrap_future, Task().
import asyncio, concurrent.futures

class MyFut(asyncio.Future):
    def extra(self): return 'extra'

class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0.001).__await__()
        return 'awaited'

async def agen():
    for i in range(3):
        await asyncio.sleep(0)
        yield i

async def main():
    loop = asyncio.get_running_loop()
    f = MyFut(loop=loop)
    f.custom = 1
    loop.call_soon(f.set_result, 3)
    print(await f, f.extra(), f.custom)
    print(await asyncio.ensure_future(Awaitable()))
    print([x async for x in agen()])
    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        print(await loop.run_in_executor(ex, sum, [1, 2, 3]))
        cf = ex.submit(pow, 2, 10)
        print(await asyncio.wrap_future(cf))
    t = asyncio.Task(asyncio.sleep(0, 'direct'), loop=loop)
    print(await t, t.get_coro() is not None)
    print(isinstance(asyncio.TimeoutError(), TimeoutError), asyncio.CancelledError.__mro__[1].__name__)
    e = asyncio.Event()
    loop.call_later(0.01, e.set)
    print(await asyncio.wait_for(e.wait(), 1))
    async with asyncio.Lock() as l:
        print(l)
    print(asyncio.isfuture(f), asyncio.isfuture(1))

asyncio.run(main())
