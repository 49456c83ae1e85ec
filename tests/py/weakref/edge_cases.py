# Odd corners: __del__ sees its references alive, resurrection, metaclass
# instances, builtin-subclass instances, static types.
import weakref, gc, sys
class D:
    def __del__(self):
        print('in __del__, ref alive:', r() is self)
d = D(); r = weakref.ref(d, lambda x: print('cb after del', x() is None))
del d
class A:
    def m(self): pass
a = A()
print(weakref.ref(a.m)() is None)
def g(): yield 1
gen = g(); rg = weakref.ref(gen); del gen; print(rg())
rs = weakref.ref(sys); print(rs() is sys)
class G:
    def __getattr__(self, n): return 'dyn_' + n
p = weakref.proxy(G()); 
try: p.x
except ReferenceError as e: print('RefErr', e)
g2 = G(); p2 = weakref.proxy(g2); print(p2.anything)
print(weakref.ref(a) == weakref.ref(a), weakref.ref(a) != weakref.ref(A()))
# resurrection by callback impossible; resurrection by __del__
keep = []
class R:
    def __del__(self):
        keep.append(self)
x = R(); rx = weakref.ref(x); del x
print(rx() is keep[0])
# weakref to exception subclass and set subclass
class E(Exception): pass
class S(set): pass
e = E(); s = S([1]); re_ = weakref.ref(e); rs2 = weakref.ref(s, lambda r: print('set sub died'))
del e, s
print(re_())
# class with metaclass
class Meta(type): pass
class WithMeta(metaclass=Meta): pass
rm = weakref.ref(WithMeta, lambda r: print('metaclass instance died'))
del WithMeta; gc.collect()
print(rm())
# keyed ref module-level
print(weakref.KeyedRef.__name__ if hasattr(weakref, 'KeyedRef') else 'no')
l = [weakref.ref(int), weakref.ref(object)]
print(l[0]() is int, weakref.getweakrefcount(int))
