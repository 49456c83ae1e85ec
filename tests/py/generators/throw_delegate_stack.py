# Thrown into a generator or coroutine suspended in yield from/await, the
# innermost delegate runs with the delegating frames on the stack, as it
# does when resumed by send(): f_back and traceback.extract_stack see them.
import sys, traceback

def names(frame):
    out = []
    while frame is not None and frame.f_code.co_name != "<module>":
        out.append(frame.f_code.co_name)
        frame = frame.f_back
    return out

def f():
    try:
        yield
    except RuntimeError:
        print("f sees", names(sys._getframe()))
    yield

def g():
    yield from f()

def h():
    yield from g()

gen = h()
next(gen)
gen.throw(RuntimeError)
gen = h(); next(gen); gen.send(None)
print("send", names(sys._getframe()))

def f2():
    yield
    print("f2 on send", names(sys._getframe()))
    yield
def g2():
    yield from f2()
gen = g2(); next(gen); next(gen)

import types
@types.coroutine
def sus():
    try:
        yield
    except KeyError:
        print("sus sees", names(sys._getframe()))
        stack = traceback.extract_stack()
        print([fs.name for fs in stack])

async def a():
    await sus()

async def b():
    await a()

c = b()
c.send(None)
try:
    c.throw(KeyError)
except StopIteration:
    print("done")
