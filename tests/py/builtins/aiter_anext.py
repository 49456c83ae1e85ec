# aiter() and anext(), with and without a default, and their errors.
import asyncio


async def agen(n):
    for i in range(n):
        yield i * 10


class Counter:
    def __init__(self, stop):
        self.i = 0
        self.stop = stop

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.stop:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Failing:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise KeyError("boom")


class BadAiter:
    def __aiter__(self):
        return 5


async def main():
    it = aiter(agen(2))
    print(await anext(it))
    print(await anext(it, "dflt"))
    print(await anext(it, "dflt"))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))

    c = Counter(2)
    print(aiter(c) is c)
    print(await anext(c), await anext(c), await anext(c, None))
    try:
        await anext(c)
    except StopAsyncIteration:
        print("Counter exhausted")

    try:
        await anext(Failing(), "unused")
    except KeyError as e:
        print("other errors pass through:", repr(e))

    items = []
    async for x in aiter(agen(3)):
        items.append(x)
    print(items)


asyncio.run(main())

for fn, args in [(aiter, (1,)), (anext, (1,)), (aiter, ()), (anext, ()),
                 (anext, (1, 2, 3)), (aiter, (1, 2)), (aiter, (BadAiter(),)),
                 (anext, ([],)), (aiter, ([],))]:
    try:
        fn(*args)
    except TypeError as e:
        print("TypeError:", e)
