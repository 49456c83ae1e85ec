def pair():
    v = 0
    def get():
        return v
    def set_(n):
        nonlocal v
        v = n
    return get, set_
g, s = pair()
print(g())
s(42)
print(g())
print(g.__closure__ is not None, len(g.__closure__))
def no_closure():
    return 1
print(no_closure.__closure__)
