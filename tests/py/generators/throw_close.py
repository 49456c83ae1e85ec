def worker():
    try:
        while True:
            try:
                v = yield
                print("got", v)
            except ValueError as e:
                print("handled", e)
    finally:
        print("cleanup")
w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad"))
w.send(2)
w.close()
print("closed")
def g():
    yield 1
x = g()
try:
    x.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
