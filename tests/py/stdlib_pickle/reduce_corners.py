# More reduce-protocol corners: super().__reduce_ex__ at every protocol,
# mangled slots, copyreg helpers, list subclasses containing themselves,
# dictitems and state setters, nested frozensets and float text.
import pickle, copyreg, io, copy
class A:
    def __init__(self): self.x = 1
    def __reduce_ex__(self, proto):
        r = super().__reduce_ex__(proto)
        return r
for p in range(6):
    d = pickle.dumps(A(), p)
    print(p, d, pickle.loads(d).x)
class S:
    __slots__ = ('a', '__b')
    def __init__(self): self.a = 1; self.__b = 2
print(copyreg._slotnames(S), pickle.loads(pickle.dumps(S(), 2))._S__b)
print(copyreg.__newobj__(A).__class__.__name__, copyreg._reconstructor(A, object, None).__class__.__name__)
class L(list):
    def __init__(self, *a): super().__init__(*a); self.tag = 't'
x = L([1, 2]); x.append(x)
y = pickle.loads(pickle.dumps(x, 2))
print(y[2] is y, y.tag, type(y).__name__)
print(pickle.loads(pickle.dumps([copyreg.__newobj__, copyreg._reconstructor], 2)) == [copyreg.__newobj__, copyreg._reconstructor])
f = io.BytesIO(); pickle.dump([1, 2], f); print(f.getvalue())
print(pickle.dumps(True), pickle.dumps(None), pickle.dumps(1.0), pickle.dumps('x'), pickle.dumps(b'x'), pickle.dumps((1,)))
try:
    pickle.dumps(copy)
except Exception as e: print(type(e).__name__, e)
class R:
    def __reduce__(self): return (R, (), None, None, iter([('k', 1)]))
    def __setitem__(self, k, v): print('setitem', k, v)
pickle.loads(pickle.dumps(R(), 2))
class St:
    def __reduce__(self): return (St, (), {'v': 1}, None, None, lambda obj, st: print('setter', st))
try:
    pickle.dumps(St(), 5)
except Exception as e: print(type(e).__name__, e)
def setter(obj, st): print('setter', st)
class St2:
    def __reduce__(self): return (St2, (), {'v': 1}, None, None, setter)
pickle.loads(pickle.dumps(St2(), 5))
print(pickle.loads(pickle.dumps(frozenset([frozenset([1])]), 4)))
print(pickle.dumps(-0.0, 0), pickle.dumps(1e-5, 0), pickle.dumps(123456789.125, 0))
