class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with CM("a") as a, CM("b") as b:
    print("body", a, b)

with CM("outer", suppress=True):
    with CM("inner"):
        raise KeyError("k")
print("after")

def ret():
    with CM("r"):
        return "returned"
print(ret())

for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        print("second iteration")

try:
    with 5:
        pass
except TypeError as e:
    print(e)
