# asyncio.timeout()/timeout_at(): reprs, expiry, rescheduling, nesting and
# the errors of misuse.
import asyncio


def rounded(t):
    # Deadlines are loop times: show them relative to now, rounded.
    return repr(t).split(' when=')[0]


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.timeout(None)
    print(repr(t), t.when(), t.expired())
    async with t as same:
        print(same is t, repr(t), t.expired())
    print(repr(t), t.expired())
    try:
        t.reschedule(1)
    except RuntimeError as exc:
        print('RuntimeError', exc)
    fresh = asyncio.timeout(1)
    try:
        fresh.reschedule(1)
    except RuntimeError as exc:
        print('RuntimeError', exc)

    try:
        async with asyncio.timeout(0.01) as cm:
            print(rounded(cm), 'when=' in repr(cm))
            await asyncio.sleep(1)
    except TimeoutError as exc:
        print('TimeoutError', type(exc.__cause__).__name__, repr(cm), cm.expired())
    print('cancelling after:', asyncio.current_task().cancelling())

    # Past deadline: expires at the first await.
    try:
        async with asyncio.timeout_at(loop.time() - 1) as cm:
            print('entered')
            await asyncio.sleep(0)
            print('not reached')
    except TimeoutError:
        print('past deadline expired', cm.expired())

    # Zero delay.
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0.5)
    except TimeoutError:
        print('zero delay expired')

    # Rescheduling: later, then off.
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(loop.time() + 10)
        await asyncio.sleep(0.02)
        cm.reschedule(None)
        print('reschedule None:', repr(cm), cm.when())
        await asyncio.sleep(0.01)
    print('survived', repr(cm), cm.expired())

    # Rescheduling into the past.
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() - 5)
            await asyncio.sleep(1)
    except TimeoutError:
        print('rescheduled into the past', cm.expired())

    # Finishing in time.
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print('in time', repr(cm), cm.expired())

    # Nested: the inner one fires first; the outer one stays quiet.
    try:
        async with asyncio.timeout(5) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner fired', inner.expired(), outer.expired())
            await asyncio.sleep(0)
            print('outer body continues')
    except TimeoutError:
        print('outer should not fire')

    # Nested: the outer one fires while the inner is active.
    try:
        async with asyncio.timeout(0.01) as outer:
            async with asyncio.timeout(5) as inner:
                await asyncio.sleep(1)
    except TimeoutError:
        print('outer fired', outer.expired(), inner.expired(), repr(inner))

    # An exception other than cancellation passes through unchanged.
    try:
        async with asyncio.timeout(0.01) as cm:
            raise KeyError('inside')
    except KeyError as exc:
        print('KeyError', exc, repr(cm))

    # Swallowing the cancellation inside the block: no TimeoutError.
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print('swallowed')
    print('after swallow', repr(cm), cm.expired())
    asyncio.current_task().uncancel()

    # A real cancellation from outside is not turned into TimeoutError.
    async def victim():
        async with asyncio.timeout(5):
            await asyncio.sleep(1)
    v = asyncio.ensure_future(victim())
    await asyncio.sleep(0)
    v.cancel()
    try:
        await v
    except asyncio.CancelledError:
        print('outside cancel stays CancelledError')


asyncio.run(main())


try:
    asyncio.timeout(1)
except RuntimeError as exc:
    print('no loop:', exc)
print(repr(asyncio.timeout_at(None)))
