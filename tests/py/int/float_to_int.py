for v in [0.9999999, 1e15 + 0.5, -7.5, 2 ** 53 + 0.0, 123456789.987]:
    print(v, int(v), round(v), v // 1)
print(int(1e100) == 10 ** 100, int(1e100))
print((2 ** 53 + 1) == float(2 ** 53 + 1), float(2 ** 53 + 1))
