# A suspended generator caught in a reference cycle is finalized by the
# cycle collector: its finally block runs, as CPython's tp_finalize does,
# and gc.garbage stays empty. Finalization happens once only.
import gc

log = []

def gen():
    try:
        g = yield
        yield 1
    finally:
        log.append("finally")

g = gen()
next(g)
g.send(g)
del g
gc.collect()
print(log, gc.garbage)

# A generator in a cycle with an object whose attribute holds it.
class Holder:
    pass

def gen2(h):
    try:
        yield h
    finally:
        log.append("finally2")

h = Holder()
h.g = gen2(h)
next(h.g)
del h
gc.collect()
print(log)

# A generator that is not suspended in a try block has nothing to run.
def plain():
    yield 1
    yield 2
p = plain()
next(p)
del p
gc.collect()
print("plain ok")

# The finalizer's exception is reported, not raised.
import sys
seen = []
sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, str(u.exc_value)))

def stubborn():
    while True:
        try:
            x = yield
            yield x
        except GeneratorExit:
            yield "no"

s = stubborn()
next(s)
s.send(s)
del s
gc.collect()
print(seen)
