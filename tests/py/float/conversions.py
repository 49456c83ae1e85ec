print(float("1.5"), float("  -2.25 "), float("1e3"), float(".5"), float("5."))
print(float(3), float(-0), float(True), float("inf"), float("-infinity"))
print(int(2.9), int(-2.9), round(2.5), round(3.5), round(-2.5), round(0.5))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(1234.5678, -2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
for bad in ["abc", "", "1.2.3", "1e"]:
    try:
        float(bad)
    except ValueError as e:
        print(e)
