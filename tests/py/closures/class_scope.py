x = "global"
class C:
    x = "class"
    def m(self):
        return x
    vals = [x for _ in range(1)]
print(C().m(), C.x, C.vals)
def f():
    y = "enclosing"
    class D:
        z = y
        def get(self):
            return y
    return D
D = f()
print(D.z, D().get())
