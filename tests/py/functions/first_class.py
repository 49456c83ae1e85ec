def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print(ops["add"](2, 3), ops["mul"](2, 3))
def apply_all(funcs, v):
    return [f(v) for f in funcs]
print(apply_all([abs, str, bool, float], -3))
def named():
    pass
print(named.__name__, callable(named), callable(3))
named.attr = "custom"
print(named.attr)
