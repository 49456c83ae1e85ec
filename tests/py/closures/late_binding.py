fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
def make(n):
    return lambda: n
print([make(k)() for k in range(3)])
