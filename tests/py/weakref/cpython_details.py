# weakref details CPython users can see: repr() looks __name__ up on the
# type (an instance __getattr__ is not consulted); ref subclasses may take
# keyword arguments; the weak dictionaries' keys() is an iterator, update()
# takes a keys()/__getitem__ mapping, and del of an entry whose value died
# during a loop raises KeyError.
import re, sys, weakref
def clean(s):
    return re.sub(r"0x[0-9a-f]+", "ADDR", s)
class C:
    pass
def func():
    pass
class MyConfig(dict):
    def __getattr__(self, x):
        return self[x]
objs = [C(), func, C, MyConfig(offset=5), sys, len, {1}.__class__]
for o in objs:
    try:
        print(clean(repr(weakref.ref(o))))
    except TypeError as e:
        print("TypeError", e)

c = C()
try:
    weakref.ref(c, foo=1)
except TypeError as e:
    print("TypeError", e)

class ExtendedRef(weakref.ref):
    def __init__(self, ob, callback=None, **annotations):
        super().__init__(ob, callback)
        self.__counter = 0
        for k, v in annotations.items():
            setattr(self, k, v)

r = ExtendedRef(c, foo=1, bar="baz")
print(r.foo, r.bar, r() is c)

class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, value=42):
        self.value = value
        super().__init__(ob, callback)
mr = MyRef(c, value=24)
print(mr.value, mr() is c)

# Weak dictionaries: keys() is an iterator, update() takes keys()-mappings.
class KeysOnly:
    def __init__(self, d):
        self.d = d
    def keys(self):
        return self.d.keys()
    def __getitem__(self, k):
        return self.d[k]
a, b = C(), C()
wv = weakref.WeakValueDictionary()
wv.update(KeysOnly({1: a, 2: b}))
wv.update([(3, a)])
print(sorted(wv.keys()), next(wv.keys()) in (1, 2, 3))
wk = weakref.WeakKeyDictionary()
wk.update(KeysOnly({a: 1, b: 2}))
print(sorted(wk.values()), next(wk.keys()) in (a, b))

# Deleting an entry whose value died during a loop: KeyError.
import gc
objs = [C() for i in range(3)]
wv = weakref.WeakValueDictionary(enumerate(objs))
it = iter(wv.items())
next(it)
del objs[-1]
gc.collect()
try:
    del wv[2]
except KeyError as e:
    print("KeyError", e)
print(2 in wv)
del it
print(len(wv), sorted(wv))
