def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = make_counter()
c(); c(5)
print(c())

def outer():
    x = "outer"
    def mid():
        def inner():
            return x
        return inner
    return mid()()
print(outer())

fns = [lambda i=i: i * i for i in range(4)]
print([f() for f in fns])

def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late())

g = 10
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)

def cell_arg(a):
    def get():
        return a
    a += 1
    return get()
print(cell_arg(41))
print(make_counter.__name__, make_counter().__qualname__)
