def inner():
    try:
        yield 1
        yield 2
    except KeyError:
        print("inner handled KeyError")
        yield "recovered"
def outer():
    result = yield from inner()
    yield "outer done"
g = outer()
print(next(g))
print(g.throw(KeyError("k")))
print(next(g))
def closing_inner():
    try:
        yield 1
    finally:
        print("inner finally")
def closing_outer():
    yield from closing_inner()
c = closing_outer()
next(c)
c.close()
print("closed outer")
