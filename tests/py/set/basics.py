s = {3, 1, 2, 3, 1}
print(sorted(s), len(s), 2 in s, 5 not in s)
s.add(10)
s.discard(1)
s.discard(99)
s.remove(2)
print(sorted(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
print(sorted(set("mississippi")), set(), len(set([1, 1, 1])))
x = s.pop()
print(len(s))
s.clear()
print(s, bool(s))
print({1, 2} == {2, 1}, {1} != {1, 2}, set() == frozenset())
