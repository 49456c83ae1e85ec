# asyncio.TaskGroup: results, failures (cancelling siblings, ExceptionGroup),
# reprs, misuse errors, cancellation from outside and base exceptions.
import asyncio


async def value(v, delay=0):
    await asyncio.sleep(delay)
    return v


async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc


def describe(eg):
    return f'{type(eg).__name__}: {eg} {[repr(e) for e in eg.exceptions]}'


async def main():
    tg = asyncio.TaskGroup()
    print(repr(tg))
    c = value(1)
    try:
        tg.create_task(c)
    except RuntimeError as exc:
        print('RuntimeError', str(exc).replace(repr(tg), 'TG'))
    c.close()
    async with tg:
        print(repr(tg))
        a = tg.create_task(value('a', 0.01), name='first')
        b = tg.create_task(value('b'))
        print(repr(tg), a.get_name())
    print(a.result(), b.result(), repr(tg))
    c = value(1)
    try:
        tg.create_task(c)
    except RuntimeError as exc:
        print('RuntimeError', str(exc).replace(repr(tg), 'TG'))
    c.close()
    try:
        async with tg:
            pass
    except RuntimeError as exc:
        print('RuntimeError', str(exc).replace(repr(tg), 'TG'))

    # One failure cancels the others; errors are grouped.
    cancelled = []

    async def long(name):
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            cancelled.append(name)
            raise

    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(long('x'))
            g.create_task(long('y'))
            g.create_task(fail(ValueError('v'), 0.01))
    except BaseException as eg:
        print(describe(eg), sorted(cancelled))

    # Two failures in the same iteration.
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(fail(ValueError('one')))
            g.create_task(fail(KeyError('two')))
    except BaseException as eg:
        print(describe(eg))

    # An error in the body itself joins the group.
    try:
        async with asyncio.TaskGroup() as g:
            t = g.create_task(long('z'))
            await asyncio.sleep(0)
            raise RuntimeError('body')
    except BaseException as eg:
        print(describe(eg), t.cancelled())

    # Body error plus a child error.
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(fail(ValueError('child')))
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            raise RuntimeError('body late')
    except BaseException as eg:
        print(describe(eg))

    # create_task while shutting down.
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(fail(ValueError('x')))
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                c = value(1)
                try:
                    g.create_task(c)
                except RuntimeError as exc:
                    print('RuntimeError', 'shutting down' in str(exc), repr(g))
                c.close()
                raise
    except BaseException as eg:
        print(describe(eg))

    # Cancelled from outside: children cancelled, CancelledError propagates.
    async def runner():
        async with asyncio.TaskGroup() as g:
            g.create_task(long('outer-child'))
            await asyncio.sleep(5)
    r = asyncio.ensure_future(runner())
    await asyncio.sleep(0.01)
    r.cancel()
    try:
        await r
    except asyncio.CancelledError:
        print('outer cancelled', 'outer-child' in cancelled)

    # A child cancelled on its own is not an error.
    async with asyncio.TaskGroup() as g:
        t = g.create_task(long('self'))
        await asyncio.sleep(0)
        t.cancel()
    print('child cancel ok', t.cancelled())

    # Tasks added from inside a child.
    out = []
    async with asyncio.TaskGroup() as g:
        async def spawner():
            g.create_task(value(out.append('spawned')))
        g.create_task(spawner())
    print(out)


asyncio.run(main())
