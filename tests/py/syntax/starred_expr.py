# Starred expressions in displays and calls.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print({*a, *b} == {1, 2, 3, 4})
d1 = {'x': 1}
d2 = {'y': 2, 'x': 3}
print({**d1, **d2})
print({**d1, 'z': 0})
def f(*args, **kw):
    return args, kw
print(f(*a, *b, 9))
print(f(**d1, w=5))
print(*"abc", sep="-")
