def pair():
    return 1, 2
x = pair()
print(x, type(x).__name__)
a, b = pair()
print(a, b)
t = 1,
print(t, len(t))
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print(e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
