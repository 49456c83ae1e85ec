a = {1, 2, 3}
print(sorted(a.union([4], (5,), {6})), sorted(a.intersection([1, 2], {2, 3, 1})))
print(sorted(a.difference([1], [2])), a.issuperset([1, 2]), a.issubset(range(10)))
b = a.copy()
b.add(4)
print(sorted(a), sorted(b), a < b, b > a, a == b - {4})
c = set()
c.update("abc", [1])
print(len(c), 1 in c, "a" in c)
s = {(1, 2), (3, 4)}
print(sorted(s), (1, 2) in s)
print(sorted({-1, -5, 3, 0}), sorted({"b", "a"}), min({4, 2, 8}), sum({1, 2, 3}))
