import copy
print(object.__reduce_ex__, object.__reduce__)
class P:
    def __init__(self, x): self.x = x
p = P(3)
r = p.__reduce_ex__(2)
print(r[0].__name__, r[1][0] is P, r[2])
print(p.__reduce_ex__(4)[0].__name__, len(p.__reduce_ex__(4)))
q = copy.copy(p); print(q.x, q is not p, type(q) is P)
d = copy.deepcopy([p, p]); print(d[0].x, d[0] is d[1], d[0] is not p)
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1
r = s.__reduce_ex__(2)
print(r[2])
s2 = copy.copy(s); print(s2.a, hasattr(s2, 'b'))
class WithReduce:
    def __reduce__(self): return (WithReduce, ())
print(WithReduce().__reduce_ex__(2)[0] is WithReduce)
try: object().__reduce__()
except TypeError as e: print('TypeError', e)
print(object().__reduce_ex__(2)[0].__name__)
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class C(Base, tag='hello'): pass
print(C.tag)
try:
    class D(tag='x'): pass
except TypeError as e: print('TypeError', e)
try:
    class E(Base, tag='x', other=1): pass
except TypeError as e: print('TypeError', e)
class Desc:
    def __set_name__(self, owner, name):
        raise ValueError('bad name ' + name)
try:
    class F:
        attr = Desc()
except Exception as e:
    print(type(e).__name__, e, type(e.__cause__).__name__ if e.__cause__ else None)
class Named:
    def __set_name__(self, owner, name): self.name = (owner.__name__, name)
class G:
    n = Named()
print(G.n.name)
class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        print('Meta kw', kw)
        return super().__new__(m, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class H(metaclass=Meta, flag=True): pass
print(type(H).__name__)
r = p.__reduce__()
print(r[0].__name__, r[1][0] is P, r[1][1] is object, r[1][2], r[2])
print(object().__getstate__(), s.__getstate__(), p.__getstate__())
class L(list): pass
l = L([1, 2]); l.tag = 'x'
r = l.__reduce_ex__(2)
print(r[1][0] is L, r[2], list(r[3]), r[4])
l2 = copy.deepcopy(l); print(l2, type(l2).__name__, l2.tag)
class NA:
    def __new__(cls, a): o = super().__new__(cls); o.a = a; return o
    def __getnewargs__(self): return (self.a,)
r = NA(7).__reduce_ex__(3)
print(r[1][1:], r[2])
class GS:
    def __getstate__(self): return 'custom'
print(GS().__reduce_ex__(2)[2])
