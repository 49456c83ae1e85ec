f1 = frozenset("abc")
f2 = frozenset("bcd")
print(sorted(f1 & f2), sorted(f1 | f2), sorted(f1 - f2), sorted(f1 ^ f2))
print(f1 == frozenset("cab"), f1 <= frozenset("abcd"), f1.isdisjoint("xyz"))
nested = {frozenset({1, 2}): "pair"}
print(nested[frozenset({2, 1})])
print(repr(frozenset()), type(f1.copy()).__name__, f1.copy() is f1)
