print(int("42"), int("-17"), int("  12  "), int("+3"))
print(int("ff", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0b101", 0))
print(int("z", 36), int("10", 2), int(3.99), int(-3.99), int(True))
print(int(), int("0"), int("1_000"))
print(str(123), repr(-5), hex(-255), oct(-8), bin(-5))
print(format(255, 'x'), format(255, '#X'), format(5, '08b'))
for bad in ["abc", "1.5", "", "0x", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    int("12", 1)
except ValueError as e:
    print(e)
