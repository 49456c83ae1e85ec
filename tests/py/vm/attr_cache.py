# Attribute inline caches must see every change that CPython sees: class
# attributes replaced after a site was cached, descriptors added later,
# instance dict shadowing, __class__ assignment, __dict__ replacement.


class A:
    def m(self):
        return "A.m"


class B(A):
    pass


def call_m(o):
    return o.m()


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


b = B()
for _ in range(3):
    print(call_m(b))
A.m = lambda self: "new A.m"
print(call_m(b))
B.m = lambda self: "B.m"
print(call_m(b))
b.m = lambda: "instance m"
print(call_m(b))
del b.m
print(call_m(b))
del B.m
print(call_m(b))

# Instance attributes, then a data descriptor appears on the class.
o = B()
for i in range(3):
    set_x(o, i)
    print(get_x(o))
B.x = property(lambda self: "prop", lambda self, v: print("setter", v))
print(get_x(o))
set_x(o, 42)
print(o.__dict__)
del B.x
print(get_x(o))

# Deleting the instance attribute falls back to the class one, then errors.
A.x = "class x"
del o.x
print(get_x(o))
del A.x
try:
    get_x(o)
except AttributeError as e:
    print("AttributeError:", e)


# __class__ assignment switches the type a site sees.
class C:
    def m(self):
        return "C.m"


o = B()
print(call_m(o))
o.__class__ = C
print(call_m(o))

# Replacing __dict__ wholesale.
o = B()
set_x(o, 1)
print(get_x(o))
o.__dict__ = {"y": 2, "x": 3}
print(get_x(o))
set_x(o, 4)
print(o.__dict__)


# __getattr__ and __slots__.
class G:
    def __getattr__(self, name):
        return "getattr " + name


g = G()
print(get_x(g))
set_x(g, 5)
print(get_x(g))
del g.x
print(get_x(g))


class S:
    __slots__ = ("x",)


s = S()
set_x(s, 7)
print(get_x(s))
del s.x
try:
    get_x(s)
except AttributeError as e:
    print("AttributeError:", e)


# A method that is a staticmethod / classmethod / builtin.
class K:
    @staticmethod
    def m():
        return "static"


print(call_m(K()))
K.m = classmethod(lambda cls: "classmethod " + cls.__name__)
print(call_m(K()))
print(call_m([]) if False else call_m.__name__)


# Storing GC objects and self-references (cycle) through a cached site.
class N:
    pass


n = N()
set_x(n, 1)
for _ in range(3):
    set_x(n, n)
print(get_x(n) is n)
set_x(n, [n])
print(type(get_x(n)).__name__)


# Metaclass: attributes on classes themselves.
class Meta(type):
    def m(cls):
        return "Meta.m"


class WithMeta(metaclass=Meta):
    pass


print(call_m(WithMeta))
WithMeta.m = lambda: "class attr m"
print(call_m(WithMeta))


# __setattr__ / __getattribute__ / __getattr__ added to a class after its
# sites were cached.
class L:
    def m(self):
        return "L.m"


o = L()
for i in range(3):
    set_x(o, i)
    print(get_x(o), call_m(o))
L.__setattr__ = lambda self, name, v: print("__setattr__", name, v)
set_x(o, 10)
print(get_x(o))
del L.__setattr__
set_x(o, 11)
print(get_x(o))
L.__getattribute__ = lambda self, name: "__getattribute__ " + name
print(get_x(o))
print(call_m(o) if False else o.m)
del L.__getattribute__
print(get_x(o), call_m(o))
del o.x
L.__getattr__ = lambda self, name: "__getattr__ " + name
print(get_x(o), call_m(o))
