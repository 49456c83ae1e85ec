import types
print(type[int], type(type[int]).__name__)
class A: pass
try: A[int]
except TypeError as e: print(e)
try: int[3]
except TypeError as e: print(e)
GenericAlias = type(list[int])
print(GenericAlias(list, int), GenericAlias(list, (int,str)))
print(list[int] == list[int], hash(list[int])==hash(list[int]), list[int]==list[str])
print(list[int](range(3)), list[int].__name__, list[int].append)
print(tuple[int, ...], tuple[()], dict[str, list[int]], list[None], type[A], set[frozenset[int]])
print(list[int].__parameters__, list[int].__args__, list[int].__origin__)
try: isinstance([], list[int])
except TypeError as e: print(e)
try: issubclass(list, list[int])
except TypeError as e: print(e)
print(int | None, int | str | None, (int | str).__args__, type(int|str).__name__)
print(int | int, list[int] | None, None | int)
print(isinstance(3, int|str), isinstance(None, int|None), issubclass(bool, int|str), isinstance('x', int|float))
print((int|str) == (str|int), hash(int|str) == hash(str|int), (int|str) == (int|float))
try: int | 3
except TypeError as e: print(e)
try: 3 | int
except TypeError as e: print(e)
try: int + 1
except TypeError as e: print(e)
print(repr(int|list[int]))
print(list[int].__mro_entries__((1,)))
print(list[int].__reduce__())
try: GenericAlias(list, int, x=1)
except TypeError as e: print(e)
try: GenericAlias(list)
except TypeError as e: print(e)
a = list[int]()
print(a, type(a))
class D:
  pass
print(GenericAlias(D, int)().__orig_class__)
print(list[int] | dict[str,int])
try: list[int][str]
except TypeError as e: print(e)
try: (int|str)[int]
except TypeError as e: print(e)
try: isinstance(3, int | list[int])
except TypeError as e: print(e)
def f(x: list[int], y: dict[str, int] | None = None) -> tuple[int, ...]: pass
print(f.__annotations__)
class M(type):
    def __instancecheck__(cls, x): print("ic"); return True
    def __subclasscheck__(cls, c): print("sc"); return True
class MM(M): pass
class Q(metaclass=MM): pass
print(isinstance(3, Q), issubclass(int, Q), isinstance(3, (str, Q)))
print(isinstance(Q(), Q))
class N(type): pass
class R(metaclass=N): pass
print(isinstance(R(), R), isinstance(3, R), issubclass(R, R), issubclass(int, R), N | None)
print(type.__instancecheck__(int, 3), type.__subclasscheck__(int, bool))
try: issubclass(3, int)
except TypeError as e: print(e)
try: issubclass(int, 3)
except TypeError as e: print(e)
try: isinstance(3, 3)
except TypeError as e: print(e)
class Bad(type):
    def __instancecheck__(cls, x): raise ValueError('nope')
class Z(metaclass=Bad): pass
try: isinstance(1, Z)
except ValueError as e: print('ValueError', e)
class Proxy:
    def __instancecheck__(self, x): return x == 5
print(isinstance(5, Proxy()), isinstance(4, Proxy()))
print(hasattr(int | str, "__instancecheck__"), (int|str).__parameters__)
