def f(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))
def only_kw(*, key):
    return key
print(only_kw(key="k"))
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, 3), pos_only(1, 2, c=3))
def collect(*args, **kwargs):
    return len(args), sorted(kwargs)
print(collect(), collect(1, 2, x=1, a=2))
