class Bag:
    def __init__(self, **kw):
        self.__dict__.update(kw)
b = Bag(a=1, b=2)
print(b.a, b.b, b.__dict__)
b.__dict__["c"] = 3
print(b.c, vars(b) is b.__dict__)
