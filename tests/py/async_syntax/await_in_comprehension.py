# await inside list/set/dict comprehensions of an async function, and
# async comprehensions over an async generator.
import asyncio
async def f(x):
    return x
async def main():
    r = [await f(i) for i in range(3)]
    s = {await f(i) for i in range(2)}
    d = {i: await f(i) for i in range(2)}
    g = [x async for x in ag()]
    print(r, s, d, g)
async def ag():
    yield 1
    yield 2
asyncio.run(main())
