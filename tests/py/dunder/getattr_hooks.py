class Dyn:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:]
        raise AttributeError("no " + name)
d = Dyn()
print(d.real, d.x_hello, getattr(d, "x_y"), hasattr(d, "nope"))
try:
    d.nope
except AttributeError as e:
    print(e)
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
l = Logged()
l.a = 1
del l.a
print(vars(l))
class Always:
    def __getattribute__(self, name):
        return "intercepted " + name
print(Always().anything)
