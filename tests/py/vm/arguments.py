def f(a, b, /, c, *, d, e=5, **kw):
    return a, b, c, d, e, kw
print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4, z=0))

def g(*args, **kwargs):
    return args, kwargs
print(g())
print(g(1, *[2, 3], x=1, **{"y": 2}))

def h(a, b=2, *rest, c, d=4):
    return a, b, rest, c, d

for call in [lambda: h(), lambda: h(1), lambda: h(1, 2, 3, c=1, e=2),
             lambda: h(1, a=2, c=3), lambda: f(a=1, b=2, c=3, d=4),
             lambda: f(1, 2, 3, 4), lambda: (lambda x: x)(1, 2)]:
    try:
        call()
    except TypeError as e:
        print(e)

def defaults(x=[]):
    x.append(1)
    return len(x)
print(defaults(), defaults(), defaults([]))
print(defaults.__defaults__)
def kwonly(*, a, b=1): return a + b
print(kwonly.__kwdefaults__, kwonly(a=1))

class A:
    def m(self, x):
        return x
try:
    A().m()
except TypeError as e:
    print(e)
print(g(*range(3), *"ab"))
print({**{"a": 1}, "b": 2, **{"a": 3}})
print([*range(3), *[9]], (*"xy",), {*"aab"} == {"a", "b"})
