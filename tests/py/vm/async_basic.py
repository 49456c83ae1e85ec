async def add(a, b):
    return a + b

async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return y

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

print(run(main()))
c = add(1, 1)
print(type(c).__name__)
c.close()

class Awaitable:
    def __await__(self):
        value = yield "suspended"
        return value * 2

async def uses_await():
    return await Awaitable()

co = uses_await()
print(co.send(None))
try:
    co.send(21)
except StopIteration as e:
    print("result", e.value)

async def agen():
    for i in range(3):
        yield i

async def consume():
    out = []
    async for v in agen():
        out.append(v)
    return out
print(run(consume()))

class ACM:
    async def __aenter__(self):
        print("aenter")
        return "ctx"
    async def __aexit__(self, *args):
        print("aexit", args[0])
async def use_acm():
    async with ACM() as v:
        print("inside", v)
run(use_acm())
