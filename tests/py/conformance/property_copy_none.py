# property.getter/setter/deleter(None) keep the function that was there:
# only a real replacement changes a slot of the copied property.
p = property("get", "set", "del", "the doc")
for name in ("getter", "setter", "deleter"):
    q = getattr(p, name)(None)
    print(name, q.fget, q.fset, q.fdel, q.__doc__)
print(p.getter(len).fget, p.setter(print).fset, p.deleter(abs).fdel)


class Box:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        "value of the box"
        return self._v

    v = v.setter(None)


b = Box()
print(b.v, Box.v.__doc__)
try:
    b.v = 3
except AttributeError as exc:
    print("AttributeError:", exc)
