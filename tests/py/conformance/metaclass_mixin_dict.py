# A metaclass that lists a plain class before `type` still gives its
# classes type's read-only __dict__ proxy (not the mixin's instance dict);
# instances of the mixin keep their ordinary writable __dict__.
class Mixin:
    pass

class MetaFirst(Mixin, type):
    pass

class MetaLast(type, Mixin):
    pass

class A(metaclass=MetaFirst):
    x = 1

class B(metaclass=MetaLast):
    y = 2

for cls in (A, B):
    d = cls.__dict__
    print(type(d).__name__, "x" in d or "y" in d)
    try:
        d["spam"] = 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        cls.__dict__ = {}
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)

m = Mixin()
m.__dict__ = {"k": 3}
print(m.k, Mixin.__dict__["__dict__"].__get__(m, Mixin))

class ErrMixin:
    pass

class MyError(ErrMixin, Exception):
    pass

e = MyError("boom")
e.extra = 1
print(e.__dict__, e.args)
