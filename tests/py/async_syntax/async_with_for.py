class Resource:
    async def __aenter__(self):
        print("aenter")
        return "res"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et)
        return False
class Ticker:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def main():
    async with Resource() as r:
        print("inside", r)
    total = []
    async for t in Ticker(3):
        total.append(t)
    return total
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
