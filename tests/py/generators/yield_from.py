def inner():
    yield 1
    yield 2
    return "inner result"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 3
print(list(outer()))
def delegate():
    yield from range(3)
    yield from "ab"
    yield from [10]
print(list(delegate()))
def accumulator():
    total = 0
    while True:
        v = yield
        if v is None:
            return total
        total += v
def gather(results):
    while True:
        results.append((yield from accumulator()))
res = []
g = gather(res)
next(g)
for v in [1, 2, 3, None, 10, None]:
    g.send(v)
print(res)
