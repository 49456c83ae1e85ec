# sets: order of small ints, operators, methods, errors
print({3, 1, 2}, set([5, 3, 1, 100, 64, 8]), set(range(20)) - set(range(5, 10)))
s = set(range(10))
s.discard(3)
s.add(33)
print(s, len(s), 33 in s, 3 in s)
a, b = {1, 2, 3}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, b ^ a, b - a)
print(a <= b, a < {1, 2, 3, 4}, a >= {1}, a > a, a == {3, 2, 1}, a != b)
print(a.union([4], (5,)), a.intersection(range(2, 10)), a.difference([1], {2}), a.symmetric_difference([2, 3, 9]))
print(a.issubset(range(5)), a.issuperset([1, 2]), a.isdisjoint([7, 8]), a.isdisjoint({3}))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {1}
c ^= {2, 99}
print(c)
c.update([4], (6, 7))
c.intersection_update(range(8))
c.difference_update([4])
c.symmetric_difference_update({6, 100})
print(c)
p = {1, 2, 3}
popped = [p.pop(), p.pop(), p.pop()]
print(sorted(popped), p)
print(set(), set("aa"), len(set("abcabc")), set({1: 2}), {(1, 2), (1, 2)})
for bad in ("{1}.remove(2)", "set().pop()", "{1} - [1]", "{1} | [1]", "{1} < [1]",
            "{1}.issubset(1)", "{1}.add([])", "{[]}", "set(1, 2)", "{1} & 1", "{1}.add()",
            "set().pop(1)", "hash(set())"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
try:
    for x in s:
        s.add(x + 100)
except RuntimeError as e:
    print("RuntimeError", e)
