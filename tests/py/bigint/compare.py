a = 10 ** 30
b = 10 ** 30 + 1
print(a < b, a == b - 1, -a > -b, a != b)
print(a == 1e30, a < 1e31, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(max(a, b, 5), min(-a, -b))
print(sorted([b, 5, a, -a, 0]))
print(hash(a) == hash(10 ** 30), a in {10 ** 30})
