for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.675, 0.125, 1e20]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(123.456, -1), round(-123.456, -2), round(5, -1), round(15, -1))
