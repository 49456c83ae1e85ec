# A weakref subclass whose own __dict__ holds the last reference to its
# referent: deleting the reference frees both, and its callback is not
# called with the dying reference (CPython issue 3100); this crashed.
import weakref
class C: pass
class MyRef(weakref.ref):
    pass
calls = 0
def callback(w):
    global calls
    calls += 1
o = C()
r1 = MyRef(o, callback)
r1.o = o
del o
print("a")
del r1
print("b", calls)
o = C()
r1 = MyRef(o, callback)
r2 = MyRef(o, callback)
r1.r = r2
r2.o = o
del o
del r2
r1.r, r1.o = None, None
del r1
print("c", calls)
