x = 10
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
g = globals()
print(g["x"], "f" in g, g["__name__"])
g["dynamic"] = "made via globals"
print(dynamic)
