class Base:
    kind = "base"
    def __init__(self, v):
        self.v = v
    def describe(self):
        return "%s(%r)" % (self.kind, self.v)
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def double(self):
        return self.v * 2

class Child(Base):
    kind = "child"
    def describe(self):
        return "child:" + super().describe()

c = Child.make(3)
print(c.describe(), c.double, Child.helper(4), Base.helper(1))
print(type(c).__name__, isinstance(c, Base), Child.__mro__[1].__name__)
print(Child.__qualname__, Child.describe.__qualname__, Child.__module__)

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)

class Private:
    def __init__(self):
        self.__secret = 42
    def reveal(self):
        return self.__secret
p = Private()
print(p.reveal(), p._Private__secret)

class Doc:
    "class docstring"
    def m(self):
        "method doc"
print(Doc.__doc__, Doc.m.__doc__)

def outer():
    class Local:
        def get(self):
            return __class__
    return Local
L = outer()
print(L().get() is L, L.__qualname__)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(3):
    Counter()
print(Counter.count)
class Ann:
    x: int = 1
    y: str
print(Ann.__annotations__, Ann.x)
