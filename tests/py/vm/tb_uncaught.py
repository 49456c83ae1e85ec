def level3():
    raise ValueError("deep problem")

def level2():
    level3()

def level1():
    try:
        level2()
    except ValueError:
        raise KeyError("while handling")

print("before")
level1()
