def level1():
    a = 1
    def level2():
        b = 2
        def level3():
            return a + b
        return level3()
    return level2()
print(level1())
def shadow():
    x = "outer"
    def inner():
        x = "inner"
        return x
    return inner(), x
print(shadow())
def modify_list():
    data = []
    def add(v):
        data.append(v)
    add(1)
    add(2)
    return data
print(modify_list())
