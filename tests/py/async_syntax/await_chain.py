class Suspend:
    def __await__(self):
        value = yield "suspended"
        return value * 2
async def inner(x):
    got = await Suspend()
    return got + x
async def outer():
    a = await inner(1)
    b = await inner(10)
    return a, b
def run(coro):
    sent = None
    while True:
        try:
            yielded = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("loop saw", yielded)
        sent = 5
print(run(outer()))
