def make_multipliers():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def make_bad():
    return [lambda x: x * i for i in range(4)]
print([m(10) for m in make_bad()])
def outer():
    items = []
    for name in ["a", "b"]:
        def show(n=name):
            return n.upper()
        items.append(show)
    return [f() for f in items]
print(outer())
