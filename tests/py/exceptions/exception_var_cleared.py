try:
    raise ValueError("x")
except ValueError as err:
    saved = err
try:
    print(err)
except NameError as e:
    print("NameError:", e)
print(saved)
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    pass
print("e" in dir())
