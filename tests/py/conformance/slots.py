class E:
    __slots__ = ('a',)
e = E()
print(hasattr(e, '__dict__'), E.a, type(E.a).__name__)
try: e.a
except AttributeError as ex: print('AttributeError', ex)
try: del e.a
except AttributeError as ex: print('AttributeError', ex)
try: e.b = 1
except AttributeError as ex: print('AttributeError', ex)
try: e.b
except AttributeError as ex: print('AttributeError', ex)
e.a = 5
print(e.a, E.__slots__, '__dict__' in dir(e), E.a.__name__, E.a.__objclass__)
del e.a
print(hasattr(e, 'a'))
class F(E):
    __slots__ = 'b', '__c'
    def setc(self, v): self.__c = v
f = F(); f.a = 1; f.b = 2; f.setc(3)
print(f.a, f.b, f._F__c, hasattr(f, '__dict__'), sorted(k for k in F.__dict__ if not k.startswith('__') or k == '__slots__'))
class G(E):
    pass
g = G(); g.a = 1; g.z = 2
print(g.__dict__, g.a)
class H:
    __slots__ = ['x', '__dict__']
h = H(); h.x = 1; h.y = 2
print(h.__dict__, h.x)
class W:
    __slots__ = ()
try: W().q = 1
except AttributeError as ex: print('AttributeError', ex)
try:
    class Bad:
        __slots__ = ('a',)
        a = 1
except ValueError as ex: print('ValueError', ex)
try:
    class Bad2:
        __slots__ = ('1a',)
except TypeError as ex: print('TypeError', ex)
try:
    class Bad3(int):
        __slots__ = ('a',)
except TypeError as ex: print('TypeError', ex)
class OkInt(int):
    __slots__ = ()
print(OkInt(3) + 1, hasattr(OkInt(3), '__dict__'))
class L(list):
    __slots__ = ('tag',)
l = L([1, 2]); l.tag = 'x'
print(l, l.tag, hasattr(l, '__dict__'))
try:
    class X(E, H): pass
except TypeError as ex: print('TypeError', ex)
try: E.a.__get__(3)
except TypeError as ex: print('TypeError', ex)
try: E.a.__set__(3, 1)
except TypeError as ex: print('TypeError', ex)
# cycles through slots are collected
import gc
class Node:
    __slots__ = ('other', '__weakref__')
n1 = Node(); n2 = Node(); n1.other = n2; n2.other = n1
del n1, n2
gc.collect()
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y): self.x = x; self.y = y
    def __repr__(self): return 'P(%r, %r)' % (self.x, self.y)
ps = [P(i, str(i)) for i in range(3)]
print(ps, P.x.__get__(ps[1]), P.__dict__['y'])
try:
    class Dup:
        __slots__ = ('a', 'a')
except TypeError as ex: print('TypeError', ex)
try:
    class D2:
        __slots__ = ('__dict__', '__dict__')
except TypeError as ex: print('TypeError', ex)
try:
    class D3(G):
        __slots__ = ('__dict__',)
except TypeError as ex: print('TypeError', ex)
class S1:
    __slots__ = 'only'
print(S1.__slots__, S1.only)
