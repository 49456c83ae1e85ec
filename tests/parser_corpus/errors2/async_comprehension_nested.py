async def f():
    return [[y async for y in x] for x in z]
