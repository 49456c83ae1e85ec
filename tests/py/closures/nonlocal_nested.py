def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "inner changed"
        inner()
        return x
    r = middle()
    return r, x
print(outer())
def acc():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
a = acc()
print(a(1), a(2), a(10))
