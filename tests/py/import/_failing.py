print("_failing starts")
def helper():
    return 1 / 0
value = helper()
