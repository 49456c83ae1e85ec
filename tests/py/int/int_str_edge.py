print(int("0"), int("-0"), int("000123"), int("0b1", 0), int("0o7", 0), int("0X1f", 0))
print(int("  -0x10  ", 16), int("Z", 36), int("11", 3))
print(str(-0), str(0), repr(10 ** 18), repr(-10 ** 18))
for text in ["08", "0_1", "1_", "_1", "0x"]:
    try:
        print(int(text, 0))
    except ValueError as e:
        print(e)
