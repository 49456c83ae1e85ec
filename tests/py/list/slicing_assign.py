l = list(range(10))
l[2:5] = ["a", "b"]
print(l)
l[::3] = [0, 0, 0]
print(l)
l[1:1] = [99, 98]
print(l)
l[:] = []
print(l)
m = [1, 2, 3, 4, 5, 6]
del m[::2]
print(m)
try:
    m[::2] = [1, 2, 3]
except ValueError as e:
    print(e)
n = [0] * 5
n[-2:] = "xy"
print(n)
