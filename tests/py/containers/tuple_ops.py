# tuples: construction, ops, hashing and errors
t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], t[::2])
print(t + (5,), (0,) * 3, 3 * (1, 2), (), (1,), tuple([1, 2]), tuple("ab"), tuple(range(3)))
print(t.count(1), t.index("two"), t.index(3.0, 1, 4))
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9), (1, 2) < (1, 2, 0), (1, 2) != (1, 2))
print(hash((1, 2)), hash(()), hash((1,)), hash((-1,)), hash(((1, 2), (3,))))
print(hash((1, 2)) == hash((1.0, 2.0)), {(1, 2): "a"}[(1, 2)])
t2 = tuple(t)
print(t2 is t)
for bad in ("t[9]", "t['a']", "t.index(9)", "(1,) + [1]", "(1,) * 'a'", "hash((1, []))",
            "tuple(1)", "tuple(1, 2)", "t.count()", "t[0:1:0]"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
try:
    t[0] = 1
except TypeError as e:
    print(e)
class P(tuple):
    pass
p = P((1, 2))
print(p, type(p).__name__, p + p, type(p + p).__name__)
