print(list(enumerate("abc")), list(enumerate("ab", start=5)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
names, ages = zip(*[("a", 1), ("b", 2)])
print(names, ages)
for i, (x, y) in enumerate(zip("xy", "XY")):
    print(i, x, y)
print(dict(zip("abc", range(3))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print(e)
