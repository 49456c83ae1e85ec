def f(a, b):
    return a + b
def g(*, k):
    return k
def h(a, /, b):
    return a
cases = [
    lambda: f(1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, c=3),
    lambda: f(1, a=1),
    lambda: g(1),
    lambda: g(),
    lambda: h(a=1, b=2),
    lambda: f(),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len([], []),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
