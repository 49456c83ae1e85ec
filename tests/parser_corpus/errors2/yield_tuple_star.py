def f():
    yield 1, *a
