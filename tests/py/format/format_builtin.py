print(format(42), format(42, "5"), format("s", "^5"), format(3.5, ".3e"))
print(format(1234567.891, ",.2f"), format(0.5, "%"), format(-0.0, ".1f"))
print(format(True), format(True, "d"), format(None), format([1, 2]))
print(format(10, "c"), format(255, "#010x"), format(-255, "x"))
print(format(12.0, "g"), format(1e-5, ".2g"), format(123456789, "e"))
try:
    format("s", "d")
except ValueError as e:
    print(e)
try:
    format(1.5, "d")
except ValueError as e:
    print(e)
