def attempt(x):
    try:
        r = 10 / x
    except ZeroDivisionError as e:
        print("except:", e)
        return "handled"
    else:
        print("else: result", r)
        return "ok"
    finally:
        print("finally for", x)
print(attempt(2))
print(attempt(0))
