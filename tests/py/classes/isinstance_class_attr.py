# isinstance() falls back to __class__ when it names another type (proxies).
import weakref
class A: pass
class B(A): pass
b = B(); p = weakref.proxy(b)
print(isinstance(p, B), isinstance(p, A), isinstance(p, (int, A)), isinstance(p, weakref.ProxyType), isinstance(p, int))
class Fake:
    @property
    def __class__(self): return int
print(isinstance(Fake(), int), isinstance(Fake(), Fake), isinstance(Fake(), str))
class Bad:
    @property
    def __class__(self): raise RuntimeError("boom")
try: print(isinstance(Bad(), int))
except RuntimeError as e: print("RuntimeError", e)
class NotType:
    __class__ = 5
print(isinstance(NotType(), int), isinstance(3, int), isinstance("s", (int, str)))
