# Threads meeting the loop: call_soon_threadsafe, run_in_executor, to_thread,
# run_coroutine_threadsafe.
import asyncio
import threading
import time


def blocking(x):
    time.sleep(0.01)
    return x * 10


async def main():
    loop = asyncio.get_running_loop()

    # A thread wakes the loop through call_soon_threadsafe.
    fut = loop.create_future()
    def from_thread():
        time.sleep(0.02)
        loop.call_soon_threadsafe(fut.set_result, 'from thread')
    t = threading.Thread(target=from_thread)
    t.start()
    print(await fut)
    t.join()

    # Many posts from several threads all arrive.
    got = []
    done = loop.create_future()
    def poster(k):
        for i in range(50):
            loop.call_soon_threadsafe(got.append, (k, i))
        loop.call_soon_threadsafe(lambda: len(got) == 200 and not done.done() and done.set_result(None))
    threads = [threading.Thread(target=poster, args=(k,)) for k in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    await asyncio.wait_for(done, 5)
    print(len(got), sorted(got) == sorted((k, i) for k in range(4) for i in range(50)))
    for k in range(4):
        print(k, [i for kk, i in got if kk == k] == list(range(50)))

    # The executor and to_thread.
    print(await loop.run_in_executor(None, blocking, 4))
    print(await asyncio.gather(*(asyncio.to_thread(blocking, i) for i in range(5))))
    def raises():
        raise OSError('from worker')
    try:
        await asyncio.to_thread(raises)
    except OSError as e:
        print('OSError', e)
    print(await asyncio.to_thread(lambda a, b=0: a + b, 1, b=2))
    print(threading.current_thread() is threading.main_thread())


asyncio.run(main())

# run_coroutine_threadsafe: a loop running in a thread serves the main thread.
loop = asyncio.new_event_loop()
runner = threading.Thread(target=loop.run_forever)
runner.start()


async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b

future = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
print(future.result(timeout=5))
loop.call_soon_threadsafe(loop.stop)
runner.join()
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
