import sys
a = []
b = a
print(sys.getrefcount(a))
mydict = {}
print(sys.getrefcount(mydict))
