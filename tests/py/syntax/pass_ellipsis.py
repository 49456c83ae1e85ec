# pass, Ellipsis and docstring-only bodies.
def f():
    pass
def g():
    ...
def h():
    "only a docstring"
print(f(), g(), h())
print(..., Ellipsis is ..., type(...).__name__)
class Empty:
    pass
print(Empty.__name__)
if True:
    pass
print(h.__doc__)
