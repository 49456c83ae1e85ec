# sys.getrefcount counts the caller's own reference, as in CPython.
import sys

mydict = {}
print(sys.getrefcount(mydict))
a = []
b = a
print(sys.getrefcount(a))
c = [a, a]
print(sys.getrefcount(a))
del c
print(sys.getrefcount(a))

def f(x):
    return sys.getrefcount(x)

print(f(object()))

class Box:
    pass

box = Box()
print(sys.getrefcount(box))
box.self_ref = box
print(sys.getrefcount(box))
