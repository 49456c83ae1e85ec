# sys.setprofile: the profile function's own calls are not profiled, an
# exception in it propagates and removes it, threading.setprofile applies
# to threads started later, coroutines report call/return per resume, and
# a 'return' event while an exception propagates keeps that exception.
import asyncio
import sys
import threading

seen = []


def quiet_hook(frame, event, arg):
    # Calls made here must not produce events of their own.
    seen.append((event, frame.f_code.co_name if not event.startswith('c_') else arg.__name__))
    len(seen)


def f():
    return 1


sys.setprofile(quiet_hook)
f()
sys.setprofile(None)
print(seen)
print(sys.getprofile())


def bad_hook(frame, event, arg):
    if event == 'call' and frame.f_code.co_name == 'target':
        raise KeyError('from the hook')


def target():
    return 'ran'


sys.setprofile(bad_hook)
try:
    target()
except KeyError as e:
    print('propagated', repr(e))
print('removed', sys.getprofile() is None)

names = []


def thread_hook(frame, event, arg):
    if event == 'call':
        names.append(frame.f_code.co_name)


def work():
    return sum(range(3))


threading.setprofile(thread_hook)
t = threading.Thread(target=work)
t.start()
t.join()
threading.setprofile(None)
print('work' in names, 'run' in names)

coro_events = []


def coro_hook(frame, event, arg):
    name = frame.f_code.co_name
    # This file's coroutines only (asyncio has functions of the same name).
    if (frame.f_code.co_filename == __file__ and name in ('child', 'parent')
            and event in ('call', 'return')):
        coro_events.append((event, name))


async def child():
    await asyncio.sleep(0)
    return 5


async def parent():
    return await child()


sys.setprofile(coro_hook)
result = asyncio.run(parent())
sys.setprofile(None)
print(result, coro_events)

unwound = []


def unwind_hook(frame, event, arg):
    if event == 'return' and frame.f_code.co_name == 'raiser':
        unwound.append(arg)


def raiser():
    raise ValueError('kept')


sys.setprofile(unwind_hook)
try:
    raiser()
except ValueError as e:
    sys.setprofile(None)
    print('still', repr(e), unwound)
