# Callbacks: who gets called, in which order, with what, and what happens to
# their exceptions.
import weakref
import gc


class Obj:
    pass


log = []
def make_cb(name):
    def cb(ref):
        log.append((name, ref() is None, ref.__callback__))
    return cb

o = Obj()
refs = [weakref.ref(o, make_cb('cb%d' % i)) for i in range(4)]
plain = weakref.ref(o)
px = weakref.proxy(o, lambda p: log.append(('proxy', type(p).__name__)))
del o
# Newest first; each callback sees its dead reference, whose callback is gone.
print(log)
print([r() for r in refs], [r.__callback__ for r in refs])

# A reference that dies before its referent never calls back.
log.clear()
o = Obj()
r1 = weakref.ref(o, make_cb('kept'))
r2 = weakref.ref(o, make_cb('dropped'))
del r2
del o
print(log)

# The callback receives the very reference object.
seen = []
o = Obj()
r = weakref.ref(o, lambda ref: seen.append(ref is r))
del o
print(seen)

# An exception in a callback is reported and swallowed.
class Reporter:
    def __repr__(self):
        return '<Reporter>'
    def __call__(self, ref):
        raise ValueError('callback failed')

o = Obj()
r = weakref.ref(o, Reporter())
after = []
r_after = weakref.ref(o, lambda ref: after.append('ran'))
del o
print('still running', after)

# A callback may create new references to other objects, or drop its own.
keep = Obj()
made = []
def chain(ref):
    made.append(weakref.ref(keep))
o = Obj()
r = weakref.ref(o, chain)
del o
print(made[0]() is keep)

holder = {}
def drop_self(ref):
    del holder['r']
o = Obj()
holder['r'] = weakref.ref(o, drop_self)
del o
print(holder)

# Callbacks from functions, classes and sets dying.
log.clear()
def f():
    pass
rf = weakref.ref(f, make_cb('function'))
del f
class Temp:
    pass
rt = weakref.ref(Temp, make_cb('class'))
del Temp
gc.collect()
fs = frozenset([1, 2])
rs = weakref.ref(fs, make_cb('frozenset'))
del fs
print([entry[0] for entry in log])
