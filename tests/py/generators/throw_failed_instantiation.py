# throw(cls) where calling cls fails or gives no exception: that error is
# thrown into the generator at its yield (CPython normalises there); bad
# arguments to throw() leave the generator untouched.
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls

def boring_generator():
    yield

gen = boring_generator()
try:
    gen.throw(E)
except TypeError as e:
    print("TypeError", e)
try:
    next(gen)
except StopIteration:
    print("finished")

def generator():
    try:
        yield
    except TypeError as e:
        print("inside", e)
        yield "caught"

gen = generator()
next(gen)
print(gen.throw(E))

class Bad(Exception):
    def __init__(self, *a):
        raise ValueError("cannot build")
gen = generator()
next(gen)
try:
    gen.throw(Bad)
except ValueError as e:
    print("ValueError", e, gen.gi_frame)

# Argument errors do not touch the generator.
gen = generator()
next(gen)
for args in [(ValueError(), 1), (1,), (ValueError, None, 5)]:
    try:
        gen.throw(*args)
    except TypeError as e:
        print("TypeError", e)
print(gen.gi_suspended)

async def coro():
    try:
        await asyncio_sleep()
    except TypeError as e:
        print("coro inside", e)

import types
@types.coroutine
def asyncio_sleep():
    yield
c = coro()
c.send(None)
try:
    c.throw(E)
except StopIteration:
    print("coro finished")
