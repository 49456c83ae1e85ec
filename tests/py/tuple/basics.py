t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1])
print(t + (5,), (0,) * 3, (), (1,), tuple([1, 2]), tuple("ab"))
print(t.count(1), t.index("two"), 3.0 in t)
print((1, 2) < (1, 3), (1, 2) == (1, 2), (2,) > (1, 9), (1, 2) < (1, 2, 0))
a, b, c, d = t
print(a, b, c, d)
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t.index(99)
except ValueError as e:
    print(e)
