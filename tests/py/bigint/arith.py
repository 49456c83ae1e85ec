a = 2 ** 100
b = 3 ** 70
print(a, b)
print(a + b, a - b, b - a)
print(a * b)
print(a // 7, a % 7, -a // 7, -a % 7)
print(b // a, b % a)
print(divmod(b, a), divmod(-b, a), divmod(b, -a))
print(a // (2 ** 60), a % (2 ** 61 - 1))
print(-a, abs(-a), +a)
