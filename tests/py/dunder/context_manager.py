class Ctx:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, etype, evalue, tb):
        print("exit", self.name, etype.__name__ if etype else None, evalue)
        return self.suppress
with Ctx("a") as v:
    print("body", v)
with Ctx("b", suppress=True):
    raise ValueError("swallowed")
print("after b")
try:
    with Ctx("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
with Ctx("x") as x, Ctx("y") as y:
    print("two managers", x, y)
def f():
    with Ctx("ret"):
        return "returned"
print(f())
