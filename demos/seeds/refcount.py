# Seed experiment: reference counts as sys.getrefcount reports them.
# getrefcount's own argument is one more reference, so a fresh object bound
# to one name reports 2, and a second name makes it 3.
import sys

a = []
b = a
print("a = []; b = a        -> sys.getrefcount(a) =", sys.getrefcount(a))

mydict = {}
print("mydict = {}          -> sys.getrefcount(mydict) =", sys.getrefcount(mydict))

holder = [a, a]
print("holder = [a, a]      -> sys.getrefcount(a) =", sys.getrefcount(a))

del holder, b
print("del holder, b        -> sys.getrefcount(a) =", sys.getrefcount(a))
