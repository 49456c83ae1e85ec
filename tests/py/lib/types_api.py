# types: the named built-in types, SimpleNamespace, MappingProxyType and the
# dynamic class-creation helpers.
import sys
import types
from types import SimpleNamespace, MappingProxyType


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


def plain():
    pass


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


class K:
    def meth(self):
        pass


c = coro()
print(isinstance(plain, types.FunctionType), types.LambdaType is types.FunctionType,
      isinstance(plain.__code__, types.CodeType), isinstance(gen(), types.GeneratorType),
      isinstance(c, types.CoroutineType), isinstance(agen(), types.AsyncGeneratorType),
      isinstance(K().meth, types.MethodType), isinstance(len, types.BuiltinFunctionType),
      isinstance(sys, types.ModuleType), isinstance(None, types.NoneType),
      isinstance(..., types.EllipsisType), isinstance(NotImplemented, types.NotImplementedType),
      isinstance(list[int], types.GenericAlias), isinstance(int | str, types.UnionType))
c.close()
try:
    raise ValueError
except ValueError as e:
    print(isinstance(e.__traceback__, types.TracebackType),
          isinstance(e.__traceback__.tb_frame, types.FrameType))
print(types.ModuleType('m').__name__, types.MethodType(lambda self: self * 2, 21)())

ns = SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, repr(ns), ns.a, ns == SimpleNamespace(a=1, b='two', c=[3]), ns != SimpleNamespace())
print(SimpleNamespace(), vars(SimpleNamespace(x=1)), SimpleNamespace(a=1) == 1)
attempt('ns-pos', lambda: SimpleNamespace(1))
attempt('ns-hash', lambda: hash(ns))
del ns.b
print(ns, hasattr(ns, 'b'))
ns.me = ns
print(ns)


class Sub(SimpleNamespace):
    pass


print(Sub(q=1), Sub(q=1) == SimpleNamespace(q=1))

base = {'k': 1, 'j': 2}
proxy = MappingProxyType(base)
print(proxy['k'], len(proxy), 'j' in proxy, list(proxy), proxy.get('z', 0), proxy.get('k'))
print(list(proxy.keys()), list(proxy.values()), list(proxy.items()), proxy.copy(), proxy == base)
print(repr(proxy), str(proxy), proxy | {'z': 3}, list(reversed(proxy)), type(proxy).__name__)
base['new'] = 9
print(proxy['new'], len(proxy))
attempt('proxy-set', lambda: proxy.__setitem__('k', 5))
attempt('proxy-list', lambda: MappingProxyType([1, 2]))
attempt('proxy-int', lambda: MappingProxyType(5))
attempt('proxy-missing', lambda: proxy['nope'])


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, sorted(kw))
        return {'from_prepare': True}

    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


def body(ns):
    ns['x'] = 10


C = types.new_class('C', (), {'metaclass': Meta, 'flag': 1}, body)
print(C.__name__, C.x, C.from_prepare, type(C).__name__)
D = types.new_class('D')
print(D.__name__, D.__bases__, type(D))
meta, ns, kw = types.prepare_class('E', (C,), {'flag': 2})
print(meta.__name__, ns, kw)
meta, ns, kw = types.prepare_class('E', ())
print(meta, ns, kw)


class Entry:
    def __mro_entries__(self, bases):
        return (int, K)


print(types.resolve_bases((Entry(), str)), types.resolve_bases((int,)))
E = types.new_class('E', (Entry(),))
print(E.__bases__, E.__orig_bases__[0].__class__.__name__, E(5) + 1)


class Bad:
    def __mro_entries__(self, bases):
        return [int]


attempt('mro-list', lambda: types.resolve_bases((Bad(),)))


class M1(type):
    pass


class M2(type):
    pass


A1 = M1('A1', (), {})
A2 = M2('A2', (), {})
attempt('conflict', lambda: types.prepare_class('X', (A1, A2)))


class Holder:
    @types.DynamicClassAttribute
    def dyn(self):
        return 'instance'


print(Holder().dyn)
attempt('dyn-class', lambda: Holder.dyn)
attempt('coroutine-bad', lambda: types.coroutine(5))
print(sorted(n for n in ('SimpleNamespace', 'MappingProxyType', 'new_class', 'FunctionType',
                          'GeneratorType', 'coroutine') if n in dir(types)))
