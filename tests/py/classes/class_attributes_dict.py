class Base:
    a = 1
class Child(Base):
    b = 2
print("a" in Child.__dict__, "b" in Child.__dict__, Child.a, Child.b)
print(Child.__name__, Child.__qualname__, Child.__module__)
print(Base.__subclasses__() == [Child])
c = Child()
print(c.__class__.__name__, c.__class__.__bases__[0].__name__)
Child.a = 10
print(Base.a, Child.a, c.a)
