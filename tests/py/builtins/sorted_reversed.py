print(sorted([3, 1, 2]), sorted("cba"), sorted({3: 1, 1: 2}), sorted((2, 1), reverse=True))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
print(sorted(["b", "A", "c"], key=str.lower), sorted([-3, 2, -1], key=abs))
r = reversed([1, 2])
print(type(r).__name__, next(r))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
