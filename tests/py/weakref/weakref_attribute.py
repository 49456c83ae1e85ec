# The __weakref__ attribute of instances of Python classes.
import weakref


class A:
    pass


class B(A):
    pass


class S:
    __slots__ = ('x', '__weakref__')


class N:
    __slots__ = ('x',)


a = A()
print(a.__weakref__, '__weakref__' in A.__dict__, '__weakref__' in B.__dict__)
r = weakref.ref(a)
r2 = weakref.ref(a, lambda ref: None)
print(a.__weakref__ is r, B().__weakref__)
s = S()
print(s.__weakref__, '__weakref__' in S.__dict__, '__weakref__' in dir(s))
rs = weakref.ref(s)
print(s.__weakref__ is rs, hasattr(N(), '__weakref__'), '__weakref__' in dir(a))
try:
    a.__weakref__ = 1
except AttributeError as e:
    print('AttributeError:', e)
print(type(A.__dict__['__weakref__']).__name__)
