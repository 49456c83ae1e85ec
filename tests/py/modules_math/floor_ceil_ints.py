import math
for v in [2.5, -2.5, 2.0, -0.1, 10 ** 20 + 0.5, 7]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), int(v))
print(math.floor(2 ** 70), type(math.ceil(1.5)).__name__)
try:
    math.floor(float("inf"))
except OverflowError as e:
    print(e)
try:
    math.floor("x")
except TypeError as e:
    print(e)
