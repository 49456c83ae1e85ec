# slicing, slice assignment and deletion, including extended slices
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:], a[8:2:-2], a[100:], a[-100:2])
print(a[10**30:], a[-10**30:3], a[::10**20], a[5:5])
b = a[:]
b[2:5] = ["x", "y"]
print(b)
b[1:1] = range(3)
print(b)
b[:] = b[::-1]
print(b)
b[::2] = "abcdef"
print(b)
del b[::3]
print(b)
del b[1:3]
print(b)
del b[-1]
print(b)
c = [1, 2, 3]
c[1:2] = c
print(c)
c[5:] = [9]
print(c)
for stmt in ("c[::2] = [1]", "c[::2] = 5", "c[0:1] = 5", "c[::0]", "del c[99]", "c[99] = 1",
             "c['x':]", "c[1:2:'a']"):
    try:
        exec(stmt)
    except Exception as e:
        print(stmt, "->", type(e).__name__, e)
