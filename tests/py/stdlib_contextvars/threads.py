# The current context is per thread: a new thread starts with an empty one
# (CPython 3.11), Context.run() works in any thread, and one context cannot
# be current in two threads at once.
import threading
from contextvars import Context, ContextVar, copy_context

var = ContextVar('var', default='default')
var.set('main')
results = {}


def fresh_thread(n):
    # Nothing of the main thread's context is visible here.
    results[n] = [var.get()]
    var.set('thread-%d' % n)
    results[n].append(var.get())
    results[n].append(len(copy_context()))


threads = [threading.Thread(target=fresh_thread, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print('main still', var.get())

# A copy taken in the main thread, run in another thread, sees main's value
# and changes only itself.
snapshot = copy_context()
def run_snapshot():
    results['snap'] = snapshot.run(lambda: (var.get(), var.set('in-snapshot'), var.get())[::2])
t = threading.Thread(target=run_snapshot)
t.start()
t.join()
print(results['snap'], snapshot[var], var.get())

# Each thread runs its own copy of one context concurrently.
base = copy_context()
barrier = threading.Barrier(3)
def worker(n):
    ctx = base.copy()
    def body():
        barrier.wait()
        for i in range(200):
            var.set((n, i))
            assert var.get() == (n, i)
        return var.get()
    results['w%d' % n] = ctx.run(body)
workers = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print([results['w%d' % n] for n in range(3)], base[var])

# The same context entered in two threads: the second entry is refused.
shared = Context()
entered = threading.Event()
release = threading.Event()
def hold():
    def body():
        entered.set()
        release.wait()
    shared.run(body)
holder = threading.Thread(target=hold)
holder.start()
entered.wait()
try:
    shared.run(print, 'never')
except RuntimeError as e:
    print('RuntimeError', str(e).split(' object at')[0])
release.set()
holder.join()
print(shared.run(var.get))
