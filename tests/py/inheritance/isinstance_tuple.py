class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, (C, A)), isinstance(b, (C,)), isinstance(3, (str, int)))
print(issubclass(B, (C, A)), issubclass(bool, (int,)))
print(isinstance(True, int), isinstance(1, bool), isinstance(None, type(None)))
print(isinstance([], object), issubclass(type, object), isinstance(type, type))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
