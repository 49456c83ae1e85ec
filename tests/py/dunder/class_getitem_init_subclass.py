class Registry:
    subclasses = []
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Registry.subclasses.append(cls.__name__)
class A(Registry): pass
class B(A): pass
print(Registry.subclasses)
class WithNew:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v):
        print("init", v)
w = WithNew(5)
print(w.created)
