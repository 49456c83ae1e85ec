# Module and class __annotations__: a class never shows a base's
# annotations; a class or module that annotated nothing gets an empty dict
# kept in its namespace; assignment and deletion act on that namespace.
import types

class Base:
    size: int
    label: str = "x"

class Child(Base):
    pass

class Grandchild(Child):
    extra: float

print(Base.__annotations__)
print(Child.__annotations__, "__annotations__" in Child.__dict__)
print(Grandchild.__annotations__)
print(Base.__annotations__ is Base.__dict__["__annotations__"])

Child.__annotations__ = {"z": bytes}
print(Child.__annotations__, Base.__annotations__)
del Child.__annotations__
print("__annotations__" in Child.__dict__)
try:
    del Child.__annotations__
except AttributeError as e:
    print("AttributeError:", e)

for builtin in (int, list):
    try:
        builtin.__annotations__
    except AttributeError as e:
        print("AttributeError:", e)
try:
    int.__annotations__ = {}
except TypeError as e:
    print("TypeError:", e)

m = types.ModuleType("fresh")
print("__annotations__" in m.__dict__)
print(m.__annotations__, "__annotations__" in m.__dict__)
m.__annotations__ = {"q": 1}
print(m.__dict__["__annotations__"])
del m.__annotations__
print(hasattr(m, "__dict__") and "__annotations__" in m.__dict__)

top: int = 3
import sys
print(sys.modules[__name__].__annotations__)
