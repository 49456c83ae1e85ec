a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), type(id(a)).__name__)
print(type(a) == list, type(a) is list, isinstance(a, (list, tuple)))
print(callable(len), callable(print), callable(1), callable(type))
print(hash("abc") == hash("abc"), hash(1) == 1, hash(True) == 1)
