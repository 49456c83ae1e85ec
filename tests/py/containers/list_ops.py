# operators, comparisons, repr and construction
a = [1, 2]
b = [3]
print(a + b, a * 2, 2 * a, a * 0, a * -1, [[]] * 3)
c = a
c += (5, 6)
print(a, c is a)
c *= 2
print(a)
print(a == [1, 2, 5, 6, 1, 2, 5, 6], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] <= [])
print([1, [2, 3]] == [1, [2, 3]], [float("nan")] == [float("nan")])
x = float("nan")
print([x] == [x], x in [x])
r = [1]
r.append(r)
print(r, [r, r])
print(list(), list("abc"), list((1, 2)), list({"k": 1}), list(range(3)))
print(len([0] * 100), 3 in [1, 2, 3], 4 not in [1, 2, 3])
for bad in ("[1] + (1,)", "[1] * 1.5", "[1] - [1]", "list(1)", "list(1, 2)", "[1] < (1,)", "hash([])"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
class L(list):
    pass
m = L([3, 1, 2])
m.sort()
print(m, type(m).__name__, type(m + m).__name__, isinstance(m, list))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
print(list(reversed([1, 2, 3])))
