import sys
x = object()
print(sys.getrefcount(x))
lst = [x, x, x]
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x))
t = (x,)
print(sys.getrefcount(x))
del lst
print(sys.getrefcount(x))
d.clear()
print(sys.getrefcount(x))
del t
print(sys.getrefcount(x))
