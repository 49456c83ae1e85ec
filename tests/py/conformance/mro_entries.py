class E:
    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (dict,)
e = E()
class X(e): pass
print(X.__mro__, X.__orig_bases__ == (e,))
class Mixin: pass
class Y(Mixin, e): pass
print(Y.__mro__ if False else Y.__bases__, len(Y.__orig_bases__))
class P(list[int]): pass
print(P.__mro__, P.__orig_bases__, P([1, 2]))
print('__orig_bases__' in X.__dict__, '__orig_bases__' in dict.__dict__)
class Plain(int): pass
print(hasattr(Plain, '__orig_bases__'))
class Empty:
    def __mro_entries__(self, bases): return ()
class Z(Empty()): pass
print(Z.__mro__)
class BadE:
    def __mro_entries__(self, bases): return [int]
try:
    class W(BadE()): pass
except TypeError as ex:
    print('TypeError', ex)
try:
    type('T', (e,), {})
except TypeError as ex:
    print('TypeError', ex)
try:
    class V(3): pass
except TypeError as ex:
    print('TypeError', ex)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print('Meta', name, bases, sorted(k for k in ns if k.startswith('__orig')))
        return super().__new__(mcls, name, bases, ns)
class MB(metaclass=Meta): pass
class Alias:
    def __mro_entries__(self, bases): return (MB,)
class U(Alias()): pass
print(type(U).__name__, U.__orig_bases__[0].__class__.__name__)
