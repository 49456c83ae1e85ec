import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]['k'] is a[2]['k'], c)
t = (1, [2]); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) is not None)
class P:
    def __init__(self, x): self.x = x; self.l = [x]
p = P(3); q = copy.copy(p); r = copy.deepcopy(p)
print(type(q).__name__, q.x, q.l is p.l, r.l is p.l, r.l == p.l)
class Q:
    def __copy__(self): print('copy!'); return 'copied'
    def __deepcopy__(self, memo): print('deep!'); return 'deepcopied'
print(copy.copy(Q()), copy.deepcopy(Q()))
l = [1]; l.append(l); m = copy.deepcopy(l); print(m[1] is m, m is not l)
d = {'a': 1}; d2 = copy.deepcopy([d, d]); print(d2[0] is d2[1])
class ML(list): pass
ml = ML([1, 2]); ml.attr = 'x'; mc = copy.copy(ml); print(type(mc).__name__, mc, mc.attr)
class MD(dict): pass
md = MD(a=[1]); mdc = copy.deepcopy(md); print(type(mdc).__name__, mdc, mdc['a'] is md['a'])
from collections import namedtuple
Pt = namedtuple('Pt', 'x y'); pt = Pt(1, [2]); print(copy.copy(pt), copy.deepcopy(pt))
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1; s.b = [2]; s2 = copy.deepcopy(s); print(s2.a, s2.b, s2.b is s.b)
class St:
    def __init__(self): self.v = 1
    def __getstate__(self): return {'v': self.v * 10}
    def __setstate__(self, st): self.v = st['v'] + 1
print(copy.copy(St()).v)
print(copy.copy(int), copy.deepcopy(len), copy.copy({1, 2}), copy.deepcopy(frozenset([1])))
print(copy.Error, copy.error)
class R:
    def __init__(self, a): self.a = a
    def __reduce__(self): return (R, (self.a * 2,))
print(copy.copy(R(2)).a, copy.deepcopy(R(3)).a)
