class Wait:
    def __await__(self):
        yield "waiting"
async def task():
    try:
        await Wait()
        return "normal"
    except ValueError as e:
        return "handled " + str(e)
c = task()
print(c.send(None))
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)
c2 = task()
c2.send(None)
c2.close()
print("closed")
async def simple():
    return 1
c3 = simple()
c3.close()
try:
    c3.send(None)
except RuntimeError as e:
    print(e)
