a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b, -a // -b, -a % -b)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(7 / 2, -7 / 2, 6 / 3, type(6 / 3).__name__)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 0 ** 0)
print(abs(-5), abs(5), -(-5), +7)
