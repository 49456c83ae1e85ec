import math
print(math.exp(1), math.exp(0), math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.log2(1024), math.log10(1000), math.log1p(0), math.expm1(0))
print(math.pow(2, 10), math.pow(2, 0.5), math.log(10 ** 100))
try:
    math.log(0)
except ValueError as e:
    print(e)
try:
    math.sqrt(-1)
except ValueError as e:
    print(e)
try:
    math.exp(1000)
except OverflowError as e:
    print(e)
