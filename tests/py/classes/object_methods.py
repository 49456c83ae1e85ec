o = object()
print(type(o).__name__, isinstance(o, object))
class C:
    pass
c = C()
print(c.__class__ is C, type(c).__mro__[-1] is object)
print(C.__name__, C.__bases__ == (object,), object.__bases__)
print(c.__eq__(c), c.__eq__(1), c.__ne__(1))
print(str(c) == repr(c), c.__hash__() == hash(c))
try:
    o.attr = 1
except AttributeError as e:
    print(e)
