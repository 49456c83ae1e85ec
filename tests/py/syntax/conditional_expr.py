# Conditional expressions and short-circuit operators.
for n in range(-1, 2):
    print("neg" if n < 0 else "zero" if n == 0 else "pos")
print(0 or "default", "" or [] or None)
print(1 and 2, 0 and 1/0, [] and "x")
print(not 0, not "a", not not [1])
x = None
print(x or "fallback", x is None and "none")
def side(v):
    print("side", v)
    return v
print(side(0) or side(2))
print(side(1) and side(0) and side(3))
