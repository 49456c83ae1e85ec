# Creating and dropping many references with callbacks leaks nothing: the
# count of tracked objects stays put (and LeakSanitizer watches the rest).
import gc
import weakref


class Obj:
    pass


calls = 0
def cb(ref):
    global calls
    calls += 1


def churn(n):
    keep = Obj()
    for i in range(n):
        o = Obj()
        weakref.ref(o, cb)          # dies first: no callback
        r = weakref.ref(o, cb)      # the referent dies first: callback
        weakref.ref(keep, cb)
        p = weakref.proxy(o)
        del o
    return r


gc.collect()
before = len(gc.get_objects())
last = churn(100000)
gc.collect()
after = len(gc.get_objects())
print(calls, last(), abs(after - before) < 50)
churn(1000)
gc.collect()
print(calls, abs(len(gc.get_objects()) - after) < 50)
