def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)))

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

g = echo()
print(next(g))
print(g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

def delegate():
    r = yield from echo()
    yield ("done", r)
d = delegate()
next(d); d.send(1)
print(d.send(None))

def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = closing()
print(next(c))
c.close()
print(c.gi_running)

def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
t = thrower()
next(t)
print(t.throw(ValueError("bad")))

def stopper():
    raise StopIteration
    yield
try:
    next(stopper())
except RuntimeError as e:
    print(type(e).__name__, e)

gen = (x * 2 for x in range(4))
print(sum(gen), sum(gen))
print(repr(count(1))[:24])
def running():
    yield g2.gi_running
g2 = running()
print(next(g2))
g3 = count(3)
print(next(g3), list(g3))
