# Multiple targets, tuple assignment and swapping.
a = b = c = 5
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = "ab"
print(s, t)
i = j = []
i.append(1)
print(j, i is j)
