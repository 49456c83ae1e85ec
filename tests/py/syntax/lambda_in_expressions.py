pairs = [(1, "one"), (3, "three"), (2, "two")]
pairs.sort(key=lambda p: p[0])
print(pairs)
print((lambda x, y=2, *a, k=1, **kw: (x, y, a, k, kw))(1, 3, 4, k=5, z=6))
print(list(map(lambda x: x if x % 2 else -x, range(5))))
f = lambda: (yield)
print(type(f()).__name__)
print((lambda n: n and n * 2)(0))
