# Exact int/float comparison, hashing consistency, true division rounding.
big = 2 ** 53 + 1
print(big == float(big), big > float(big), float(big) < big, 2 ** 53 == 2.0 ** 53)
print(10 ** 400 > 1e308, -10 ** 400 < -1e308, 10 ** 400 < float('inf'), 10 ** 400 == float('nan'))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-2 ** 61), hash(1e300) == hash(int(1e300)), hash(0.5))
print(hash(10 ** 30) == hash(float(10 ** 30)), hash(float(2 ** 80)) == hash(2 ** 80), hash(-1.0))
print(hash(float('inf')), hash(float('-inf')), hash(-0.0), hash(1e-300))
print(1 / 3, 2 ** 100 / 3, 10 ** 30 / 7, (2 ** 1000 + 1) / 2 ** 999, 1 / 2 ** 1074, 1 / 2 ** 1080)
print(-(10 ** 40) / 3, 0 / -5, 12345678901234567890 / 1234567890)
try:
    2 ** 2000 / 3
except OverflowError as e:
    print(e)
try:
    float(2 ** 1024 - 2 ** 970)
except OverflowError as e:
    print(e)
try:
    float(2 ** 1024)
except OverflowError as e:
    print(e)
print(float(2 ** 1024 - 2 ** 971), float(-(2 ** 53 + 1)), float(2 ** 63 + 2 ** 10 + 1))
print(3 + 0.5, 2 ** 0.5, 7 // 2.0, -7 % 2.5, divmod(7, 2.5), 2 ** -2, (-2) ** -2, 10 ** -1)
print(1e308 * 10, -1e308 * 10, 2.0 ** 0.5, (-8.0) ** 2, 0.0 ** 0, 1 ** float('nan'))
try:
    2.0 ** 10000
except OverflowError as e:
    print(e)
print(int(1e18), int(-1e19), int(2.0 ** 100), int(1.9999999999999998), (2.5).as_integer_ratio(), (-0.1).as_integer_ratio())
print(float('1e500'), float('-1e-500'), float(' +.5e+3\t'), float('1_000.0_1'), float('InFiNiTy'), float(b'2.5'))
for bad in ['1._5', '1_.5', '0x10', '1e', '.', '1__0', 'nan1']:
    try:
        float(bad)
    except ValueError as e:
        print(e)
