class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        pass
c = C()
print(vars(c))
print([n for n in dir(c) if not n.startswith("_")])
print("method" in dir(C), "a" in dir(C), "__init__" in dir(C))
def f():
    local_var = 5
    return sorted(vars().keys() if False else locals().keys())
print(f())
import math
print("pi" in dir(math), "sqrt" in dir(math))
