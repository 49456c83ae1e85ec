print(0, 42, -7, 0x1F, 0o777, 0b1011, 0XAB, 0O12, 0B11)
print(1_000, 0x_dead_beef)
print(type(5).__name__, type(0x10).__name__)
print(00, 0_0)
