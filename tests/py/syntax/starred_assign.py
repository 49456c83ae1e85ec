# Starred targets in assignment.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = range(5)
print(a, mid, z)
a, *mid, z = (1, 2)
print(a, mid, z)
(x, *y), w = [1, 2, 3], 4
print(x, y, w)
for h, *t in [(1, 2, 3), (4,)]:
    print(h, t)
