a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)))
print(sorted(a.symmetric_difference(b)))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a > a, a.issubset(a), a.isdisjoint({7}))
c = set(a)
c |= {100}
c &= {1, 100}
print(sorted(c))
c -= {1}
c ^= {5, 100}
print(sorted(c))
c.update([1, 2], (3,))
print(sorted(c))
c.intersection_update({1, 2})
c.difference_update({1})
print(c)
