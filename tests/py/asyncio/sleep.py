# asyncio.sleep(): results, zero and negative delays, bad delays, cancellation
# while sleeping, ordering against call_later, task names and reprs, and the
# coroutine protocol of the object sleep() returns.
import asyncio
import re


def addresses_out(text):
    return re.sub(r'0x[0-9a-f]+', '0x...', text)


async def results():
    print('result', await asyncio.sleep(0.001, result='r'))
    print('result kw', await asyncio.sleep(delay=0, result=[1, 2]))
    print('none', await asyncio.sleep(0.001))
    print('zero', await asyncio.sleep(0, 'z'))
    print('negative', await asyncio.sleep(-5, 'n'))
    print('float zero', await asyncio.sleep(0.0, 'f'))
    print('bool', await asyncio.sleep(False, 'b'))


async def bad_delays():
    for delay in (None, 'soon', [1]):
        try:
            await asyncio.sleep(delay)
        except TypeError as e:
            print('TypeError', e)
    try:
        asyncio.sleep()
    except TypeError as e:
        print('TypeError', e)


async def cancel_while_sleeping():
    async def sleeper(log):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            log.append(('cancelled', e.args))
            raise

    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0)
    print('cancel() ->', t.cancel('stop it'))
    try:
        await t
    except asyncio.CancelledError as e:
        print('task raised CancelledError', e.args)
    print(log, t.cancelled(), t.cancelling())

    # Cancelled before it ever ran: the sleep never starts.
    t = asyncio.create_task(sleeper(log))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled before start', t.cancelled())

    # Cancelled while the timer is due on the same loop turn.
    t = asyncio.create_task(asyncio.sleep(0.001, 'x'))
    await asyncio.sleep(0.01)
    print('done', t.done(), t.result(), 'cancel late ->', t.cancel())


async def ordering():
    loop = asyncio.get_running_loop()
    order = []

    async def sleeper(name, delay):
        await asyncio.sleep(delay)
        order.append(name)

    # The sleeps all start in one loop turn, so their deadlines keep the
    # order of their delays, whatever the machine's load.
    tasks = [asyncio.create_task(sleeper('s%d' % i, 0.04 - i * 0.01)) for i in range(4)]
    await asyncio.gather(*tasks)
    print(order)

    # A timer callback and a sleep due at the same loop time run in the
    # order they were scheduled, as TimerHandles do.
    order.clear()
    when = loop.time() + 0.005
    loop.call_at(when, order.append, 'call_at first')
    t = asyncio.create_task(sleeper('sleep', 0))
    loop.call_at(when, order.append, 'call_at second')
    await t
    await asyncio.sleep(0.01)
    print(order)

    # Equal delays wake in the order the sleeps started.
    order.clear()
    await asyncio.gather(*[sleeper(i, 0.005) for i in range(5)])
    print(order)


async def reprs():
    print('main task', asyncio.current_task().get_name())
    t = asyncio.create_task(asyncio.sleep(0.01), name='napper')
    print(t.get_name())
    await asyncio.sleep(0)
    print(re.sub(r' coro=<.*?> ', ' coro=<...> ', repr(t)))

    async def inner():
        await asyncio.sleep(0.01)

    t2 = asyncio.create_task(inner())
    await asyncio.sleep(0)
    print(addresses_out(re.sub(r'running at \S+', 'running at ...', repr(t2))))
    await asyncio.gather(t, t2)
    s = asyncio.sleep(1)
    print(addresses_out(repr(s)), type(s).__name__)
    s.close()


async def protocol():
    s = asyncio.sleep(0.001, 'v')
    print('iscoroutine', asyncio.iscoroutine(s), asyncio.isfuture(s))
    print('awaited', await s)
    try:
        await s
    except RuntimeError as e:
        print('RuntimeError', e)

    def gen():
        return (yield from asyncio.sleep(0, 'from gen').__await__())

    print('yield from', await asyncio.ensure_future(asyncio.wait_for(_wrap(gen()), 1)))

    s = asyncio.sleep(0)
    print('send None ->', s.send(None))
    try:
        s.send(None)
    except StopIteration as e:
        print('StopIteration', e.value)

    s = asyncio.sleep(0, 'q')
    try:
        s.send(1)
    except TypeError as e:
        print('TypeError', e)
    s.close()

    s = asyncio.sleep(0.5)
    try:
        s.throw(ValueError('thrown'))
    except ValueError as e:
        print('ValueError', e)

    s = asyncio.sleep(5)
    print('before start', asyncio.isfuture(s))
    fut = s.send(None)
    print('yields a future', asyncio.isfuture(fut), fut.done(), fut._asyncio_future_blocking)
    s.close()


async def _wrap(gen_obj):
    return await _Gen(gen_obj)


class _Gen:
    def __init__(self, g):
        self.g = g

    def __await__(self):
        return (yield from self.g)


async def with_helpers():
    print(await asyncio.gather(asyncio.sleep(0.001, 1), asyncio.sleep(0, 2)))
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print('wait_for timed out')
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0.001, 'w'))])
    print([t.result() for t in done], pending)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout() expired')
    # Many sleeps cancelled before their deadline: the loop purges them.
    tasks = [asyncio.create_task(asyncio.sleep(60)) for _ in range(300)]
    await asyncio.sleep(0)
    for t in tasks:
        t.cancel()
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print(len(res), all(isinstance(r, asyncio.CancelledError) for r in res))



_probe = asyncio.new_event_loop()
_LoopClass = type(_probe)
_probe.close()


class OtherLoop(_LoopClass):
    """A subclass: sleep() must go through its call_later()."""

    calls = 0

    def call_later(self, delay, callback, *args, context=None):
        OtherLoop.calls += 1
        return super().call_later(delay, callback, *args, context=context)


async def on_other_loop():
    print(await asyncio.sleep(0.001, 'other'))
    t = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled on other loop')


def outside_loop():
    s = asyncio.sleep(1)
    try:
        s.send(None)
    except RuntimeError as e:
        print('RuntimeError', e)


asyncio.run(results())
asyncio.run(bad_delays())
asyncio.run(cancel_while_sleeping())
asyncio.run(ordering())
asyncio.run(reprs())
asyncio.run(protocol())
asyncio.run(with_helpers())
loop = OtherLoop()
loop.run_until_complete(on_other_loop())
loop.close()
print('call_later calls', OtherLoop.calls >= 2)
outside_loop()
print(asyncio.run(asyncio.sleep(0, 'run')))
