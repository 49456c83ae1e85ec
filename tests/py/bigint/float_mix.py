a = 2 ** 80
print(a / 2, a * 0.5, float(a), a + 0.0)
print(a / 3)
print(10 ** 30 / 10 ** 28)
print(int(1e30), int(2.5e20), int(-1e25))
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
print(round(2 ** 70 / 3))
