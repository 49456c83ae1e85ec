def g():
    yield 1
    return "done"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value:", e.value, e.args)
def empty():
    return
    yield
print(list(empty()))
def early(n):
    for i in range(n):
        if i == 2:
            return
        yield i
print(list(early(10)))
