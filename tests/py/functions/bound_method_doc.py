# A bound method shows its function's docstring; the method type keeps its own.
import types
class A:
    def f(self):
        "doc of f"
    def g(self):
        pass
print(A().f.__doc__, A().g.__doc__, types.MethodType.__doc__)
print(type(A().f).__doc__)
