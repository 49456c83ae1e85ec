import sys
class Holder:
    pass
obj = []
h = Holder()
h.ref = obj
print(sys.getrefcount(obj))
del h
print(sys.getrefcount(obj))
def local_count():
    v = {}
    return sys.getrefcount(v)
print(local_count())
def alias_count():
    v = []
    w = v
    return sys.getrefcount(v)
print(alias_count())
