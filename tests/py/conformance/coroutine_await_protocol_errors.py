# Await-protocol errors: an exhausted coroutine refuses throw() like send();
# a coroutine already suspended in an await cannot be awaited again;
# __await__ may not return a coroutine; async with / async for word their
# TypeErrors after the method that produced the bad object.
import types

@types.coroutine
def pause():
    yield "paused"

async def done():
    return "value"

def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value

c = done()
print(drive(c))
for action in ("send", "throw"):
    try:
        c.send(None) if action == "send" else c.throw(ValueError("x"))
    except RuntimeError as e:
        print(action, "RuntimeError:", e)
c.close()
c.close()

def gen():
    yield
g = gen()
next(g)
g.close()
try:
    g.throw(KeyError("still raised"))
except KeyError as e:
    print("generator:", repr(e))

async def waits():
    await pause()

inner = waits()
print(inner.send(None))
async def second_waiter():
    await inner
try:
    second_waiter().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

made = []
class BadAwait:
    def __await__(self):
        made.append(done())
        return made[-1]

async def use(obj):
    return await obj

for obj in (BadAwait(), 42):
    try:
        drive(use(obj))
    except TypeError as e:
        print("TypeError:", e)
for c in made:
    c.close()

class EnterBad:
    async def __aexit__(self, *a):
        return False
    def __aenter__(self):
        return 1

class ExitBad:
    async def __aenter__(self):
        return self
    def __aexit__(self, *a):
        return 2

async def with_it(cm):
    async with cm:
        pass

for cm in (EnterBad(), ExitBad()):
    try:
        drive(with_it(cm))
    except TypeError as e:
        print("TypeError:", e)

class NoNext:
    def __aiter__(self):
        return self

class BadNext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return (1, 2)

async def loop(it):
    async for _ in it:
        pass

for it in (NoNext(), BadNext()):
    try:
        drive(loop(it))
    except TypeError as e:
        print("TypeError:", e, "| cause:", repr(e.__cause__))
