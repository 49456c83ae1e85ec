sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")())
print(sorted([3, -1, 2], key=lambda v: abs(v)))
print(list(map(lambda s: s.upper(), ["a", "b"])))
fns = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fns])
print(sq.__name__, (lambda *a, **k: (a, k))(1, x=2))
