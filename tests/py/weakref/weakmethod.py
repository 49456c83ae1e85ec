# WeakMethod: a weak reference to a bound method.
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def get(self):
        return self.n


c = C(5)
wm = weakref.WeakMethod(c.get)
print(wm()(), wm() == c.get, isinstance(wm, weakref.ref))
print(wm == weakref.WeakMethod(c.get), wm != weakref.WeakMethod(c.get))
print(hash(wm) == hash(weakref.WeakMethod(c.get)))
# A plain ref to a bound method dies at once; WeakMethod does not.
print(weakref.ref(c.get)())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print('TypeError:', e)

died = []
other = C(6)
wm2 = weakref.WeakMethod(other.get, lambda r: died.append(r is wm2))
del other
print(wm2(), died)
d = C(7)
wm3 = weakref.WeakMethod(d.get)
del c
print(wm(), wm == wm3, wm == wm)

# The function dying kills the method too.
def standalone(self):
    return 'standalone'
C.extra = standalone
wm4 = weakref.WeakMethod(d.extra, lambda r: died.append('function gone'))
del C.extra, standalone
print(wm4(), died)
