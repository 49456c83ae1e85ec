async def f():
    yield from x
lambda: (yield)
[x async for x in y]
