# Underscores in numeric literals.
print(1_000_000, 0x_FF, 0b_1010, 0o_17)
print(1_0.5, 1e1_0, 1_2.3_4e-1_0)
print(int("1_000"), float("2_5.5"))
print(100_000_000 // 1_000)
