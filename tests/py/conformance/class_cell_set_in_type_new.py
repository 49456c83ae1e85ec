# The __class__ cell (zero-argument super()) is filled by type.__new__, so
# __init_subclass__ hooks and a metaclass's own __new__ can already use it;
# a metaclass that drops __classcell__ or swaps the class is an error.
class Registry:
    made = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Registry.made.append(cls.describe())

class Leaf(Registry):
    @classmethod
    def describe(cls):
        return ("leaf", __class__.__name__, super().__thisclass__.__name__ if False else "ok")

print(Registry.made)

class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("has cell:", "__classcell__" in ns)
        cls = super().__new__(mcls, name, bases, ns)
        print("inside __new__:", cls.who() is cls)
        return cls

class WithMeta(metaclass=Meta):
    @classmethod
    def who(cls):
        return __class__

print(WithMeta.who() is WithMeta, "__classcell__" in WithMeta.__dict__)

class Dropper(type):
    def __new__(mcls, name, bases, ns):
        ns = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcls, name, bases, ns)

try:
    class Lost(metaclass=Dropper):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError:", str(e).split(" defining")[0])

class Swapper(type):
    def __new__(mcls, name, bases, ns):
        super().__new__(mcls, name, bases, dict(ns))
        return super().__new__(mcls, name, bases, {k: v for k, v in ns.items() if k != "__classcell__"})

try:
    class Swapped(metaclass=Swapper):
        def f(self):
            return __class__
except TypeError as e:
    print("TypeError:", str(e).split(" defining")[0].split(".<locals>")[0])

for bad in (None, 0, "", object()):
    try:
        type("Bad", (), {"__classcell__": bad})
    except TypeError as e:
        print("TypeError:", e)

class NoSuper(metaclass=Dropper):
    def plain(self):
        return 1
print(NoSuper().plain())
