# The event loop object: scheduling order, run_forever/stop, close, errors.
import asyncio

loop = asyncio.new_event_loop()
print(loop.is_running(), loop.is_closed())
order = []
loop.call_later(0.02, order.append, 'later 2')
loop.call_later(0.01, order.append, 'later 1')
loop.call_at(loop.time() + 0.01, order.append, 'at 1')
loop.call_soon(order.append, 'soon 1')
h = loop.call_soon(order.append, 'cancelled')
loop.call_soon(order.append, 'soon 2')
h.cancel()
print(h.cancelled())
th = loop.call_later(0.005, order.append, 'cancelled timer')
th.cancel()
loop.call_later(0.03, loop.stop)
loop.run_forever()
print(order)

t0 = loop.time()
loop.run_until_complete(asyncio.sleep(0.02))
print(0.015 < loop.time() - t0 < 1.0)


async def answer():
    return 42

print(loop.run_until_complete(answer()))
fut = loop.create_future()
loop.call_soon(fut.set_result, 'fut')
print(loop.run_until_complete(fut))

# stop() inside a callback ends run_forever after the current batch.
seen = []
def first():
    seen.append('first')
    loop.stop()
loop.call_soon(first)
loop.call_soon(seen.append, 'same batch')
loop.run_forever()
loop.call_soon(seen.append, 'next run')
loop.call_soon(loop.stop)
loop.run_forever()
print(seen)

# Exceptions in callbacks go to the exception handler.
def handler(lp, context):
    print('handler:', context['message'].split(' at ')[0], repr(context.get('exception')))
loop.set_exception_handler(handler)
print(loop.get_exception_handler() is handler)
def bad():
    raise RuntimeError('oops')
loop.call_soon(bad)
loop.call_soon(loop.stop)
loop.run_forever()
loop.set_exception_handler(None)


async def inner_run():
    c = answer()
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print('RuntimeError', e)
    c.close()
    try:
        loop.close()
    except RuntimeError as e:
        print('RuntimeError', e)
    return loop.is_running()

coro = answer()
print(loop.run_until_complete(inner_run()))
coro.close()

loop.close()
print(loop.is_closed())
loop.close()
for call in (lambda: loop.call_soon(print), lambda: loop.call_later(1, print),
             lambda: loop.call_soon_threadsafe(print), lambda: loop.run_forever()):
    try:
        call()
    except RuntimeError as e:
        print('RuntimeError', e)
coro = answer()
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print('RuntimeError', e)
coro.close()

# set_event_loop / get_event_loop.
loop2 = asyncio.new_event_loop()
asyncio.set_event_loop(loop2)
print(asyncio.get_event_loop() is loop2)
print(loop2.run_until_complete(answer()))
loop2.close()
asyncio.set_event_loop(None)
