def f(a:
    pass
