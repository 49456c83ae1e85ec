# weakref.ref: calling, reuse of the plain reference, counting, hashing,
# equality and repr (addresses masked).
import re
import weakref


def shape(text):
    return re.sub(r'0x[0-9a-f]+', 'ADDR', text)


class Thing:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Thing) and self.name == other.name

    def __hash__(self):
        return hash(self.name)


a = Thing('a')
r = weakref.ref(a)
print(r() is a, r is weakref.ref(a), weakref.ref is weakref.ReferenceType)
print(type(r).__name__, type(r).__module__, weakref.ref)
print(r.__callback__, weakref.getweakrefcount(a))

def cb(ref):
    pass

r2 = weakref.ref(a, cb)
r3 = weakref.ref(a, cb)
print(r2 is r3, r2.__callback__ is cb, weakref.getweakrefcount(a))
print(weakref.getweakrefs(a) == [r, r3, r2], weakref.getweakrefs(a)[0] is r)
print(weakref.getweakrefcount(1), weakref.getweakrefs(1))
# A callback of None is no callback: the plain reference comes back.
print(weakref.ref(a, None) is r)

# Equality follows the referents while both live.
b = Thing('a')
rb = weakref.ref(b)
print(r == rb, r != rb, r == weakref.ref(Thing('a')), r == 1, r != 'x')
print(hash(r) == hash(a), hash(r) == hash('a'))
c = Thing('c')
rc = weakref.ref(c)
del c
# Dead references are equal only to themselves.
print(rc(), rc == rc, rc == rb, rc != rb)
try:
    hash(rc)
except TypeError as e:
    print('TypeError:', e)
# A hash computed while alive stays.
d = Thing('d')
rd = weakref.ref(d)
h = hash(rd)
del d
print(hash(rd) == h, rd())

try:
    r < rb
except TypeError as e:
    print('TypeError:', e)

print(shape(repr(r)))
def func():
    pass
print(shape(repr(weakref.ref(func))))
print(shape(repr(weakref.ref(Thing))))
print(shape(repr(rc)))

# Dicts and sets keyed by references.
table = {r: 1}
print(table[rb], rb in table)

# Argument checking.
for args in [(), (a, None, 3)]:
    try:
        weakref.ref(*args)
    except TypeError as e:
        print('TypeError:', e)
try:
    weakref.ref(a, callback=cb)
except TypeError as e:
    print('TypeError:', e)
try:
    r(1)
except TypeError:
    print('TypeError for an argument')
print(weakref.ref[int])
