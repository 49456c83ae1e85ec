def f():
    try:
        raise KeyError("inner")
    except KeyError:
        print("logging and re-raising")
        raise
try:
    f()
except KeyError as e:
    print("outer caught", repr(e))
try:
    try:
        raise TypeError("t")
    except TypeError as e:
        err = e
    raise err
except TypeError as e:
    print("raised stored", e)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e))
