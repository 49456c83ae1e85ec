try:
    dict([1, 2])
except TypeError as e:
    print(e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
print(dict(), dict([]), dict(a=1), dict({1: 2}, b=3), dict(zip("ab", [1, 2])))
try:
    {}.fromkeys()
except TypeError as e:
    print(e)
print(dict.fromkeys([1, 2]), dict.fromkeys("ab", []))
