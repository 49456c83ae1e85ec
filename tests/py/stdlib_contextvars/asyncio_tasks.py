# contextvars under asyncio, as CPython 3.11: every task runs in its own
# copy of the context current when it was created (or the context= given),
# loop callbacks run in a copy (or their context=), to_thread carries the
# context into the worker thread.
import asyncio
import contextvars
import threading

request = contextvars.ContextVar('request', default='none')
trace = contextvars.ContextVar('trace')


async def handler(n):
    # Each task sets its own value; the others never see it.
    request.set('req-%d' % n)
    await asyncio.sleep(0)
    await asyncio.sleep(0.001 * (3 - n))
    return n, request.get()


async def child_reads():
    return request.get()


async def parent():
    request.set('parent')
    # A child created now inherits 'parent'; a later change in the parent
    # does not reach it, and the child's own change does not come back.
    child = asyncio.create_task(child_reads())
    request.set('parent-later')
    got = await child
    return got, request.get()


async def setter():
    request.set('set-in-child')
    return request.get()


async def main():
    print('main starts with', request.get())
    results = await asyncio.gather(*(handler(n) for n in range(4)))
    print(results)
    print('main after gather', request.get())

    print(await asyncio.create_task(parent()))
    print('main after parent', request.get())

    # A child's set() stays in the child.
    request.set('main-value')
    print(await asyncio.create_task(setter()), request.get())

    # context= runs the task in that very context, whose changes stay.
    ctx = contextvars.copy_context()
    task = asyncio.create_task(setter(), context=ctx)
    print(await task, ctx[request], request.get())
    loop = asyncio.get_running_loop()
    ctx2 = contextvars.Context()
    t2 = loop.create_task(setter(), context=ctx2)
    print(await t2, ctx2[request], len(ctx2))
    t3 = asyncio.Task(child_reads(), context=ctx2)
    print(await t3)

    # Callbacks: call_soon copies the current context, or uses context=.
    done = loop.create_future()
    seen = []
    def callback(tag):
        seen.append((tag, request.get()))
        request.set('callback-' + tag)
        if len(seen) == 4:
            done.set_result(None)
    request.set('at-schedule')
    h = loop.call_soon(callback, 'soon')
    request.set('after-schedule')
    own = contextvars.Context()
    own.run(request.set, 'own')
    loop.call_soon(callback, 'own', context=own)
    loop.call_later(0.001, callback, 'later')
    loop.call_at(loop.time() + 0.002, callback, 'at', context=own)
    await done
    print(seen, own[request], request.get())
    print(type(h._context).__name__, h._context[request])

    # call_soon_threadsafe from another thread, in the thread's context.
    done2 = loop.create_future()
    def from_thread():
        request.set('thread-side')
        loop.call_soon_threadsafe(lambda: done2.set_result(request.get()))
    t = threading.Thread(target=from_thread)
    t.start()
    print(await done2)
    t.join()

    # to_thread carries a copy of the context into the worker.
    request.set('for-thread')
    def in_thread():
        before = request.get()
        request.set('changed-in-thread')
        return before, threading.current_thread() is not threading.main_thread()
    print(await asyncio.to_thread(in_thread), request.get())

    # A TaskGroup's tasks inherit too.
    trace.set('group')
    async def member(i):
        await asyncio.sleep(0)
        return i, trace.get()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(member(i)) for i in range(3)]
    print([t.result() for t in tasks])

    # Many tasks, each with its own value, interleaved.
    async def worker(i):
        trace.set(i)
        for _ in range(3):
            await asyncio.sleep(0)
            assert trace.get() == i, (trace.get(), i)
        return trace.get()
    print(sum(await asyncio.gather(*(worker(i) for i in range(200)))))
    print('main ends with', request.get(), trace.get())


request.set('before-run')
asyncio.run(main())
print('after run', request.get())
