def echo():
    while True:
        got = yield
        if got is None:
            return "finished"
        print("echo", got)
def wrapper():
    r = yield from echo()
    print("wrapper got", r)
    yield "end"
w = wrapper()
next(w)
w.send("a")
w.send("b")
print(w.send(None))
