print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13), pow(-2, 3, 5))
print(pow(3, -1, 7), pow(38, -1, 97))
print(pow(2, 0.5), pow(4, -2), pow(-8, 1/3) if False else 'skip')
try:
    pow(2, -1, 4)
except ValueError as e:
    print(e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(e)
print(pow(0, 0), pow(0, 5), pow(10, 20))
