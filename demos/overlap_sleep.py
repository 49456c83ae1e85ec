# N waits of 0.2 s done three ways -- one after another, one thread each, one
# coroutine each -- with the wall time of each next to the ideal (n waits for
# the sequential run, one wait when everything overlaps). Runs unchanged
# under gilpy and CPython.
#
# A sleep is the purest wait: nothing to compute, nothing to read. Threads
# overlap only if time.sleep releases the GIL (gilpy waits on libuv without
# it); coroutines overlap because asyncio.sleep is a timer on the loop.
#
# Usage: overlap_sleep.py [N] [SECONDS]       (default 50 0.2)
import asyncio
import sys
import threading
import time


def sequential(n, wait):
    start = time.perf_counter()
    for _ in range(n):
        time.sleep(wait)
    return time.perf_counter() - start


def threads(n, wait):
    workers = [threading.Thread(target=time.sleep, args=(wait,)) for _ in range(n)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start


def coroutines(n, wait):
    async def all_sleeps():
        await asyncio.gather(*(asyncio.sleep(wait) for _ in range(n)))
    start = time.perf_counter()
    asyncio.run(all_sleeps())
    return time.perf_counter() - start


def measure(fn, *args):
    """The wall time, or why the variant could not run (never an estimate)."""
    try:
        return fn(*args)
    except ImportError as e:
        return 'unavailable (%s)' % e
    except Exception as e:
        return 'failed: %s: %s' % (type(e).__name__, e)


def report(title, results, n, wait):
    """One line per variant: wall time, its ideal and the speed-up over the
    sequential run."""
    print(title)
    base = None
    for name, t in results:
        ideal = n * wait if name == 'sequential' else wait
        if not isinstance(t, float):
            print('  %-12s %s' % (name, t))
            continue
        if base is None:
            base = t
        print('  %-12s %7.3f s   ideal %6.3f s   speed-up %5.1fx' % (name, t, ideal, base / t))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    wait = float(sys.argv[2]) if len(sys.argv) > 2 else 0.2
    results = [('sequential', measure(sequential, n, wait)),
               ('threads', measure(threads, n, wait)),
               ('coroutines', measure(coroutines, n, wait))]
    report('%d sleeps of %g s on %s %s' % (n, wait, sys.implementation.name,
                                           sys.version.split()[0]), results, n, wait)


if __name__ == '__main__':
    main()
