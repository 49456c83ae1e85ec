def f():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(f())
def g():
    try:
        try:
            raise KeyError("first")
        finally:
            raise TypeError("second")
    except Exception as e:
        return type(e).__name__, type(e.__context__).__name__
print(g())
def h():
    for i in range(3):
        try:
            raise ValueError(i)
        except ValueError:
            continue
        finally:
            print("finally", i)
    return "loop done"
print(h())
