print(type(1), type("s"), type([]), type(None), type(type))
print(type(1).__name__, type(1.5).__name__, type(len).__name__)
Dyn = type("Dyn", (object,), {"x": 5, "hello": lambda self: "hi"})
d = Dyn()
print(Dyn.__name__, d.x, d.hello(), isinstance(d, Dyn))
class K: pass
print(type(K), type(K()).__name__, K.__class__ is type)
print(isinstance(int, type), issubclass(bool, int), issubclass(K, object))
