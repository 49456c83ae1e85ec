import sys
a = [1, 2]
print(sys.getrefcount(a))
b = a
c = a
print(sys.getrefcount(a))
b = None
print(sys.getrefcount(a))
c = [0]
print(sys.getrefcount(a))
nested = [[a]]
print(sys.getrefcount(a))
nested = None
print(sys.getrefcount(a))
