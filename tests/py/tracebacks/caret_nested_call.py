def f(x):
    return x.upper()
print(f(f(1)))
