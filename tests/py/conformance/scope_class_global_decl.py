# A class body's `global` does not hide the enclosing function's variable
# from its methods; a nested function's `global` stops the enclosing binding
# for scopes inside it; any `global` makes the module's name a true global.

def make(x):
    class Adder:
        global x
        def __call__(self, y):
            return x + y
        seen_in_body = x
    return Adder()

x = 1000
a = make(6)
print(a(2), a.seen_in_body)

def outer():
    v = "enclosing"
    def declares():
        global v
        def inner():
            return v
        return inner()
    def plain():
        return v
    return declares(), plain()

v = "module"
print(outer())

def outer2():
    w = 5
    class C:
        global w
        w = 7
        def m(self):
            return w
    return C().m()

print(outer2(), w)

g_ns, l_ns = {}, {}
exec("""
def f():
    z = 1
    def g():
        global z
        return z
    def h():
        return z + 1
    return g, h
z = 9
g, h = f()
r1 = g()
r2 = h()
""", g_ns, l_ns)
print(l_ns["r1"], l_ns["r2"], "z" in g_ns, "z" in l_ns)
