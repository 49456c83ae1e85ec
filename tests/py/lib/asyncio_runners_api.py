# asyncio.run() and asyncio.Runner: results, errors, lifecycle, cleanup of
# leftover tasks and async generators, and misuse.
import asyncio


def show(label, fn):
    try:
        print(label, repr(fn()))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


async def value(v):
    await asyncio.sleep(0)
    return v


async def boom():
    raise ValueError('boom')


leftovers = []


async def leaves_tasks():
    async def sleeper(name):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            leftovers.append(name + ' cancelled')
            raise

    async def agen():
        try:
            yield 1
            yield 2
        finally:
            leftovers.append('agen closed')

    asyncio.ensure_future(sleeper('a'))
    asyncio.ensure_future(sleeper('b'))
    g = agen()
    await g.__anext__()
    await asyncio.sleep(0)
    return 'main done'


print(asyncio.run(value(1)))
show('error:', lambda: asyncio.run(boom()))
print(asyncio.run(leaves_tasks()), sorted(leftovers))
c = value(2)
show('not a coroutine:', lambda: asyncio.run(42))
c.close()
show('debug flag:', lambda: asyncio.run(value(3), debug=True))


async def nested():
    c = value(0)
    try:
        asyncio.run(c)
    except RuntimeError as exc:
        print('RuntimeError', exc)
    c.close()
    r = asyncio.Runner()
    c = value(0)
    try:
        r.run(c)
    except RuntimeError as exc:
        print('RuntimeError', exc)
    c.close()
    r.close()

asyncio.run(nested())

with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print(runner.get_loop() is loop, loop.is_closed())
    print(runner.run(value('first')), runner.run(value('second')))
    show('runner error:', lambda: runner.run(boom()))
    print(asyncio.get_event_loop() is loop)
print(loop.is_closed())
c = value(1)
show('closed run:', lambda: runner.run(c))
c.close()
show('closed get_loop:', runner.get_loop)
runner.close()
print('close twice ok')

r = asyncio.Runner(debug=True)
print(r.get_loop().get_debug())
r.close()
r = asyncio.Runner()
r.close()
show('closed before use:', lambda: r.get_loop().is_closed())
r.close()

made = []


def factory():
    loop = asyncio.new_event_loop()
    made.append(loop)
    return loop


with asyncio.Runner(loop_factory=factory) as runner:
    print(runner.run(value('factory')), runner.get_loop() is made[0])
print(made[0].is_closed())


async def cancelled_main():
    asyncio.current_task().cancel()
    await asyncio.sleep(0)

show('cancelled main:', lambda: asyncio.run(cancelled_main()))


async def failing_leftover():
    async def bad():
        try:
            await asyncio.sleep(10)
        finally:
            raise KeyError('during shutdown')
    asyncio.ensure_future(bad())
    await asyncio.sleep(0)

seen = []


async def with_handler():
    asyncio.get_running_loop().set_exception_handler(
        lambda loop, ctx: seen.append((ctx['message'], type(ctx['exception']).__name__)))
    await failing_leftover()

asyncio.run(with_handler())
print(seen)
