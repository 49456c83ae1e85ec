# asyncio.tasks: the combinators (gather, shield, wait, wait_for, as_completed,
# ensure_future) on normal use, edge cases and their error messages.
import asyncio


def show(label, fn):
    try:
        print(label, repr(fn()))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


async def ashow(label, aw):
    try:
        print(label, repr(await aw))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


async def value(v, delay=0):
    await asyncio.sleep(delay)
    return v


async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc


class Awaitable:
    def __await__(self):
        yield
        return 'from __await__'


async def gather_cases():
    print(await asyncio.gather())
    print(await asyncio.gather(value(1), value(2, 0.01), value(3)))
    await ashow('first error:', asyncio.gather(value(1), fail(ValueError('bad'))))
    print(await asyncio.gather(value(1), fail(KeyError('k')), return_exceptions=True))
    t = asyncio.ensure_future(value('same'))
    print(await asyncio.gather(t, t, t))
    # A cancelled child with return_exceptions=True appears as CancelledError.
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.cancel('stop')
    res = await asyncio.gather(f, value(5), return_exceptions=True)
    print([type(r).__name__ for r in res], res[0].args)
    # A cancelled child without return_exceptions cancels the outer future.
    f2 = loop.create_future()
    g = asyncio.gather(f2, value(6))
    f2.cancel()
    await ashow('cancelled child:', g)
    print(g.cancelled())
    # Cancelling the outer future cancels the children.
    c1 = asyncio.ensure_future(value(1, 10))
    c2 = asyncio.ensure_future(value(2, 10))
    g = asyncio.gather(c1, c2)
    await asyncio.sleep(0)
    print('cancel gather:', g.cancel(), g.cancel())
    await ashow('after cancel:', g)
    print(c1.cancelled(), c2.cancelled(), g.cancelled())
    done = asyncio.gather(value(1))
    await done
    print('cancel done gather:', done.cancel())
    # Awaitables that are not coroutines are wrapped.
    print(await asyncio.gather(Awaitable()))
    show('not awaitable:', lambda: asyncio.gather(1))


async def shield_cases():
    print(await asyncio.shield(value('shielded')))
    inner = asyncio.ensure_future(value('inner', 0.02))
    outer = asyncio.shield(inner)
    outer.cancel()
    await ashow('outer:', outer)
    print('inner result', await inner, inner.cancelled())
    done = asyncio.ensure_future(value(7))
    await done
    print('shield of done is same:', asyncio.shield(done) is done)
    inner = asyncio.ensure_future(fail(ValueError('in shield'), 0.01))
    await ashow('shield error:', asyncio.shield(inner))
    inner = asyncio.ensure_future(value(8, 10))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    await ashow('inner cancelled:', outer)


async def wait_cases():
    await ashow('empty:', asyncio.wait([]))
    await ashow('bad when:', asyncio.wait([asyncio.ensure_future(value(1))], return_when='x'))
    c = value(1)
    await ashow('coro arg:', asyncio.wait(c))
    c.close()
    c = value(1)
    await ashow('coro in set:', asyncio.wait([c]))
    c.close()
    fut = asyncio.get_running_loop().create_future()
    await ashow('future arg:', asyncio.wait(fut))
    a = asyncio.ensure_future(value('a', 0.01))
    b = asyncio.ensure_future(value('b', 0.2))
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), a in done, b in pending)
    done, pending = await asyncio.wait([b], timeout=0.01)
    print(len(done), len(pending))
    e = asyncio.ensure_future(fail(RuntimeError('x'), 0.01))
    done, pending = await asyncio.wait([b, e], return_when=asyncio.FIRST_EXCEPTION)
    print(e in done, b in pending)
    done, pending = await asyncio.wait([b, e])
    print(len(done), len(pending), sorted(str(x) for x in (asyncio.FIRST_COMPLETED,
          asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)))


async def wait_for_cases():
    print(await asyncio.wait_for(value('quick'), 1))
    print(await asyncio.wait_for(value('none'), None))
    await ashow('timeout:', asyncio.wait_for(value('slow', 1), 0.01))
    await ashow('zero:', asyncio.wait_for(value('slow', 1), 0))
    t = asyncio.ensure_future(value('done'))
    await t
    print(await asyncio.wait_for(t, 0))
    await ashow('error:', asyncio.wait_for(fail(ValueError('wf')), 1))

    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return 'swallowed'
    await ashow('swallow:', asyncio.wait_for(stubborn(), 0.01))
    try:
        await asyncio.wait_for(value(1, 1), 0.01)
    except asyncio.TimeoutError as exc:
        print('cause', type(exc.__cause__).__name__)
    # Cancelling the waiter cancels the inner task too.
    inner = asyncio.ensure_future(value('i', 1))
    outer = asyncio.ensure_future(asyncio.wait_for(inner, 5))
    await asyncio.sleep(0.01)
    outer.cancel()
    await ashow('outer cancelled:', outer)
    print(inner.cancelled())


async def as_completed_cases():
    order = []
    for aw in asyncio.as_completed([value('c', 0.03), value('a', 0.01), value('b', 0.02)]):
        order.append(await aw)
    print(order)
    out = []
    for aw in asyncio.as_completed([value('fast', 0.01), value('slow', 1)], timeout=0.05):
        try:
            out.append(await aw)
        except asyncio.TimeoutError:
            out.append('timeout')
    print(out)
    show('as_completed future:', lambda: next(asyncio.as_completed(
        asyncio.get_running_loop().create_future())))
    print(list(asyncio.as_completed([])))
    for aw in asyncio.as_completed([fail(ValueError('ac'))]):
        await ashow('as_completed error:', aw)


async def ensure_future_cases():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(asyncio.ensure_future(fut) is fut)
    t = asyncio.ensure_future(Awaitable())
    print(type(t).__name__, await t)
    show('ensure int:', lambda: asyncio.ensure_future(3))
    other = asyncio.new_event_loop()
    show('other loop:', lambda: asyncio.ensure_future(fut, loop=other))
    other.close()
    t = asyncio.create_task(value(1), name='named')
    print(t.get_name(), await t)
    t = asyncio.create_task(value(1), name=42)
    print(repr(t.get_name()))
    await t
    show('create_task int:', lambda: asyncio.create_task(5))
    print(asyncio.current_task() in asyncio.all_tasks())
    print(asyncio.current_task().get_name() == 'main-task')


async def task_cases():
    async def forever():
        await asyncio.sleep(10)
    t = asyncio.create_task(forever())
    show('set_result:', lambda: t.set_result(1))
    show('set_exception:', lambda: t.set_exception(ValueError()))
    print(t.cancelling(), t.cancel('why'), t.cancelling(), t.uncancel(), t.uncancel())
    await ashow('cancelled with msg:', t)
    print(t.cancelled(), t.cancel())
    t2 = asyncio.create_task(value('x'))
    print(t2.get_coro().__name__)
    await t2
    show('stack:', t2.get_stack)
    t2.set_name('renamed')
    print(t2.get_name())

    async def self_await():
        await me
    me = asyncio.create_task(self_await())
    try:
        await me
    except RuntimeError as exc:
        print('self await:', str(exc).split(':')[0], 'name=' in str(exc))


async def main():
    asyncio.current_task().set_name('main-task')
    for case in (gather_cases, shield_cases, wait_cases, wait_for_cases,
                 as_completed_cases, ensure_future_cases, task_cases):
        print('--', case.__name__)
        await case()


asyncio.run(main())
show('current_task no loop:', asyncio.current_task)
show('all_tasks no loop:', asyncio.all_tasks)
c = value(1)
show('create_task no loop:', lambda: asyncio.create_task(c))
c.close()


async def threadsafe():
    loop = asyncio.get_running_loop()
    import threading
    box = []

    def worker():
        cf = asyncio.run_coroutine_threadsafe(value('from thread', 0.01), loop)
        box.append(cf.result(5))
        try:
            asyncio.run_coroutine_threadsafe(1, loop)
        except TypeError as exc:
            box.append(str(exc))
    th = threading.Thread(target=worker)
    th.start()
    while th.is_alive():
        await asyncio.sleep(0.01)
    th.join()
    print(box)

asyncio.run(threadsafe())
