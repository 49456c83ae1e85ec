# Exceptions that cannot propagate (from __del__, weakref callbacks) go
# through sys.unraisablehook; the default hook writes to sys.stderr.
import io
import sys
import weakref

class Noisy:
    def __del__(self):
        raise ValueError("from __del__")

records = []
def hook(u):
    records.append((u.exc_type.__name__, str(u.exc_value), u.err_msg,
                    getattr(u.object, "__qualname__", None),
                    type(u.exc_traceback).__name__))

print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook
n = Noisy()
del n
print(records.pop())

class Target:
    pass
def callback(ref):
    raise TypeError("from callback")
t = Target()
r = weakref.ref(t, callback)
del t
print(records.pop())

sys.unraisablehook = sys.__unraisablehook__
saved, sys.stderr = sys.stderr, io.StringIO()
n = Noisy()
del n
text = sys.stderr.getvalue()
sys.stderr = saved
lines = text.splitlines()
print(lines[0].startswith("Exception ignored in: <function Noisy.__del__ at "))
print(lines[1], lines[-1])

def broken(u):
    raise KeyError("hook broke")
sys.unraisablehook = broken
saved, sys.stderr = sys.stderr, io.StringIO()
n = Noisy()
del n
text = sys.stderr.getvalue()
sys.stderr = saved
lines = text.splitlines()
print(lines[0].startswith("Exception ignored in sys.unraisablehook: <function broken at "))
print(lines[-1], "from __del__" in text)
try:
    sys.__unraisablehook__(42)
except TypeError as e:
    print("TypeError:", e)
