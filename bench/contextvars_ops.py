# contextvars on the hot paths asyncio gives them: ContextVar.get() in a
# loop (the per-variable cache), copy_context() of a context of ten
# variables (once per task and per callback), set() right after a copy (the
# copy-on-write case), and Context.run(). Prints one figure per operation.
import time
from contextvars import ContextVar, copy_context

N = 500_000
variables = [ContextVar('v%d' % i) for i in range(10)]
for i, var in enumerate(variables):
    var.set(i)
hot = variables[3]


def get_loop():
    get = hot.get
    for _ in range(N):
        get()


def copy_loop():
    for _ in range(N):
        copy_context()


def copy_then_set():
    set_ = hot.set
    for i in range(N):
        copy_context()
        set_(i)


def run_loop():
    ctx = copy_context()
    get = hot.get
    for _ in range(N):
        ctx.run(get)


def best_of_three(fn):
    best = None
    for _ in range(3):
        start = time.perf_counter()
        fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best / N * 1e9


start = time.perf_counter()
for name, fn in [('get', get_loop), ('copy_context', copy_loop), ('copy+set', copy_then_set),
                 ('run', run_loop)]:
    print('%-14s %7.1f ns' % (name, best_of_three(fn)))
print("elapsed", time.perf_counter() - start)
