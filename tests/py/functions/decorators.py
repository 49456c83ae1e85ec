def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, b=3)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("x"))
def mark(fn):
    fn.marked = True
    return fn
@mark
@trace
def stacked():
    return "s"
print(stacked(), stacked.marked)
