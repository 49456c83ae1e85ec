# Each thread has its own current context: a precision or trap set in one
# thread does not leak into another, and new threads start from
# DefaultContext.
import threading
from decimal import Decimal as D, getcontext, setcontext, localcontext, \
    Context, DefaultContext, Inexact

results = {}


def worker(name, prec):
    getcontext().prec = prec
    barrier.wait()
    # Every thread computes after all have set their precision.
    results[name] = (str(D(1) / 7), getcontext().prec,
                     getcontext().flags[Inexact])


barrier = threading.Barrier(4)
threads = [threading.Thread(target=worker, args=('t%d' % i, p))
           for i, p in enumerate((3, 6, 9, 12))]
for t in threads:
    t.start()
for t in threads:
    t.join()
for name in sorted(results):
    print(name, *results[name])
print('main', D(1) / 7, getcontext().prec)


def fresh():
    results['fresh'] = (getcontext().prec, getcontext().flags[Inexact],
                        getcontext() is main_context)


main_context = getcontext()
getcontext().prec = 4
t = threading.Thread(target=fresh)
t.start()
t.join()
print('fresh thread', *results['fresh'])

DefaultContext.prec = 11
t = threading.Thread(target=fresh)
t.start()
t.join()
print('after changing DefaultContext', *results['fresh'])
DefaultContext.prec = 28


def scoped(name):
    with localcontext(prec=2 + len(name)) as ctx:
        results[name] = str(D(2) / 3)


threads = [threading.Thread(target=scoped, args=(n,)) for n in ('a', 'bb', 'ccc')]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([results[n] for n in ('a', 'bb', 'ccc')], D(2) / 3)
setcontext(Context(prec=5))
print('main set', D(2) / 3)
