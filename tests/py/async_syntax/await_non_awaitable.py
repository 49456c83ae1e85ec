async def bad():
    await 5
c = bad()
try:
    c.send(None)
except TypeError as e:
    print(e)
async def reused():
    return 1
r = reused()
try:
    r.send(None)
except StopIteration:
    pass
try:
    r.send(None)
except RuntimeError as e:
    print(e)
