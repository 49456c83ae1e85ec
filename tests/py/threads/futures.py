# concurrent.futures.ThreadPoolExecutor and Future.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, Future, FIRST_COMPLETED
import concurrent.futures as cf

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=3) as ex:
    futures = [ex.submit(square, i) for i in range(6)]
    print(sorted(f.result() for f in as_completed(futures)))
    print(list(ex.map(square, range(5))))
    bad = ex.submit(lambda: 1 / 0)
    print(type(bad.exception()).__name__)
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    done, not_done = wait(futures)
    print(len(done), len(not_done))
    calls = []
    f = ex.submit(square, 7)
    f.add_done_callback(lambda fut: calls.append(fut.result()))
    f.result()
print(calls)
f = Future()
print(f.done(), f.cancel(), f.cancelled())
g = Future()
g.set_result(5)
print(g.result(), g.done())
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
ex = ThreadPoolExecutor(1)
ex.shutdown()
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
