import math
print(math.sin(0), math.cos(0), math.tan(0))
print(math.sin(math.pi / 2), math.cos(math.pi), round(math.sin(math.pi), 10))
print(math.atan2(1, 1), math.atan(1) * 4, math.asin(1), math.acos(1))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.sinh(0), math.cosh(0), math.tanh(0))
