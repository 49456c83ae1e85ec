class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def squares():
    return [x * x async for x in Counter(4)]
c = squares()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
