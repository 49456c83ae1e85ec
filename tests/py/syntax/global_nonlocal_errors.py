def f():
    global g_value
    g_value = 1
f()
print(g_value)
def counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    bump()
    bump()
    return n
print(counter())
def reads_global():
    return undefined_global_name
try:
    reads_global()
except NameError as e:
    print(e)
