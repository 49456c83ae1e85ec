a = [1, 2, [3]]
b = [1, 2, [3]]
print(a == b, a is b, a[2] == b[2], a[2] is b[2])
c = a[:]
print(c == a, c is a, c[2] is a[2])
print([] == [], [] is [], [0] == [False], [1.0] == [1])
print([float("nan")] == [float("nan")])
n = float("nan")
print([n] == [n], n in [n])
