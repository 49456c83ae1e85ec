# A worker that dies mid-job makes get() raise instead of hanging forever
# (CPython's Pool hangs here).
import os
import multiprocessing
from multiprocessing import Pool


def die(code):
    os._exit(code)


def square(x):
    return x * x


if __name__ == '__main__':
    pool = Pool(1)
    result = pool.apply_async(die, (3,))
    try:
        result.get(timeout=30)
    except multiprocessing.ProcessError as e:
        print(type(e).__name__, isinstance(e, multiprocessing.ProcessError))
    print(result.ready(), result.successful())
    pool.terminate()
    with Pool(2) as pool:
        print(pool.map(square, range(5)))
