def outer():
    def inner(values):
        return values[10]
    return inner([1, 2, 3])
print("start")
outer()
