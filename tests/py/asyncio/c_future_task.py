# asyncio.Future and asyncio.Task (the C implementation in gilpy, _asyncio
# in CPython): states, error messages, callbacks, cancellation, names, reprs.
import asyncio


def show(label, fn):
    try:
        print(label, repr(fn()))
    except BaseException as exc:
        print(label, type(exc).__name__, exc)


async def future_api():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(isinstance(fut, asyncio.Future), asyncio.isfuture(fut))
    print(repr(fut), fut.done(), fut.cancelled())
    show('result pending:', fut.result)
    show('exception pending:', fut.exception)
    print(fut.get_loop() is loop)
    calls = []
    def cb1(f):
        calls.append(('cb1', f.result()))
    def cb2(f):
        calls.append(('cb2', f.result()))
    fut.add_done_callback(cb1)
    fut.add_done_callback(cb2)
    fut.add_done_callback(cb1)
    print('removed', fut.remove_done_callback(cb1))
    shown = loop.create_future()
    for cb in (print, len, print, repr):
        shown.add_done_callback(cb)
    print(repr(shown))
    print('removed', shown.remove_done_callback(print))
    print(repr(shown))
    shown.remove_done_callback(len), shown.remove_done_callback(repr)
    fut.set_result(42)
    print(repr(fut), fut.done())
    show('set twice:', lambda: fut.set_result(1))
    show('set_exception done:', lambda: fut.set_exception(ValueError()))
    await asyncio.sleep(0)
    print(calls)
    print(await fut, fut.result(), fut.exception())
    # a callback added after the result is scheduled at once
    fut.add_done_callback(lambda f: calls.append('late'))
    await asyncio.sleep(0)
    print(calls[-1])

    bad = loop.create_future()
    show('StopIteration:', lambda: bad.set_exception(StopIteration()))
    show('not an exception:', lambda: bad.set_exception(42))
    bad.set_exception(KeyError)
    print(repr(bad))
    show('result with exception:', bad.result)
    print(repr(bad.exception()))

    c = loop.create_future()
    print(c.cancel('why'), c.cancel(), c.cancelled(), c.done(), repr(c))
    show('cancelled result:', c.result)
    show('cancelled exception:', c.exception)
    try:
        await c
    except asyncio.CancelledError as exc:
        print('await cancelled:', exc.args)
    show('set on cancelled:', lambda: c.set_result(1))

    f2 = loop.create_future()
    loop.call_soon(f2.set_result, ('a', 'tuple'))
    print(await f2)
    f3 = loop.create_future()
    loop.call_soon(f3.set_result, None)
    print(await f3)


async def child(n):
    await asyncio.sleep(0)
    return n * 2


async def sleeper():
    await asyncio.sleep(10)


async def catcher():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as exc:
        print('catcher got', exc.args)
        return 'swallowed'


async def task_api():
    t = asyncio.create_task(child(3), name='worker')
    print(t.get_name(), isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    t.set_name(12)
    print(repr(t.get_name()))
    print(type(t.get_coro()).__name__, t.get_coro().__qualname__)
    show('task set_result:', lambda: t.set_result(1))
    show('task set_exception:', lambda: t.set_exception(ValueError()))
    print(await t, t.done(), t.result())
    print(repr(t).startswith("<Task finished name='12' coro=<child() done"))

    me = asyncio.current_task()
    print(me.get_name() == 'main', me in asyncio.all_tasks())
    s = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print(s in asyncio.all_tasks(), len(asyncio.all_tasks()))
    print('cancel:', s.cancel('stop it'), s.cancelling(), s.cancel(), s.cancelling())
    print('uncancel:', s.uncancel(), s.uncancel(), s.uncancel())
    try:
        await s
    except asyncio.CancelledError as exc:
        print('cancelled with', exc.args, s.cancelled())
    print(s in asyncio.all_tasks())
    show('result of cancelled task:', s.result)

    c = asyncio.create_task(catcher())
    await asyncio.sleep(0)
    c.cancel('msg')
    print(await c, c.cancelled())

    early = asyncio.create_task(child(5))
    print(early.cancel(), early.cancelled())
    try:
        await early
    except asyncio.CancelledError:
        print('cancelled before it started')

    try:
        asyncio.create_task(42)
    except TypeError as exc:
        print('TypeError', exc)

    async def boom():
        raise ValueError('bad')
    b = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print(repr(b.exception()), b.done())
    try:
        await b
    except ValueError as exc:
        print('awaited', exc)

    async def await_self():
        await asyncio.sleep(0)
        await task_ref[0]
    task_ref = [None]
    task_ref[0] = asyncio.create_task(await_self())
    try:
        await task_ref[0]
    except RuntimeError as exc:
        print('RuntimeError', str(exc).split(':')[0])

    async def bad_yield():
        await BadAwaitable()
    try:
        await asyncio.create_task(bad_yield())
    except RuntimeError as exc:
        print('RuntimeError', str(exc).split(':')[0])

    results = await asyncio.gather(*(child(i) for i in range(5)))
    print(results)


class BadAwaitable:
    def __await__(self):
        yield 'not a future'


async def main():
    asyncio.current_task().set_name('main')
    await future_api()
    await task_api()

asyncio.run(main())
print(asyncio.Future.__name__, asyncio.Task.__name__)
