import types, sys
ns = types.SimpleNamespace(a=1, b='x')
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x'), ns != types.SimpleNamespace(a=2))
ns.c = [1]; del ns.a; print(ns, vars(ns))
try: types.SimpleNamespace(1)
except TypeError as e: print(e)
try: hash(ns)
except TypeError as e: print(e)
class N(types.SimpleNamespace): pass
print(N(z=3))
def f(): pass
print(types.FunctionType is type(f), types.LambdaType is type(lambda: 0), isinstance(len, types.BuiltinFunctionType))
print(isinstance(sys, types.ModuleType), types.ModuleType('m').__name__)
def g(): yield 1
print(isinstance(g(), types.GeneratorType), isinstance(f, types.FunctionType), isinstance(1, types.FunctionType))
class C:
    def m(self): pass
print(isinstance(C().m, types.MethodType), types.NoneType, type(None) is types.NoneType)

mp = types.MappingProxyType({'a': 1})
print(mp['a'], len(mp), 'a' in mp, list(mp), mp.get('b', 0), mp)
try: mp['a'] = 2
except TypeError as e: print('TypeError', e)
X = types.new_class('X', (C,), {}, lambda ns: ns.update({'y': 5}))
print(X.__name__, X.y, issubclass(X, C))
print(types.SimpleNamespace.__name__, types.EllipsisType, types.NotImplementedType)
