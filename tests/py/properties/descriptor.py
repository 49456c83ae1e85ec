class Typed:
    def __init__(self, name, typ):
        self.name, self.typ = name, typ
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name)
    def __set__(self, obj, value):
        if not isinstance(value, self.typ):
            raise TypeError("%s must be %s" % (self.name, self.typ.__name__))
        obj.__dict__[self.name] = value
class Person:
    name = Typed("name", str)
    age = Typed("age", int)
    def __init__(self, name, age):
        self.name, self.age = name, age
p = Person("Ann", 30)
print(p.name, p.age, type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as e:
    print(e)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, owner):
        value = self.fn(obj)
        obj.__dict__[self.fn.__name__] = value
        return value
class Data:
    @Lazy
    def heavy(self):
        print("computing")
        return 99
d = Data()
print(d.heavy, d.heavy)
