# Chained comparisons evaluate each operand once.
calls = []
def v(x):
    calls.append(x)
    return x
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1 > 0)
print(v(1) < v(2) < v(3))
print(calls)
calls.clear()
print(v(3) < v(1) < v(2))
print(calls)
x = 5
print(0 <= x < 10, 0 <= x < 5, 1 == 1.0 != 2)
print(1 < 2 == 2 > 1, "a" < "b" <= "b")
print(1 in [1, 2] in [[1, 2]], x is not None)
