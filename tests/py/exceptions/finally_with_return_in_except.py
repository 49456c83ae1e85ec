def f(x):
    try:
        if x:
            raise ValueError
        return "no error"
    except ValueError:
        return "from except"
    finally:
        print("finally", x)
print(f(0))
print(f(1))
def g():
    log = []
    try:
        try:
            log.append("try")
            raise KeyError
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("handled")
    return log
print(g())
