def nothing():
    pass
def early(x):
    if x:
        return "early"
    print("not early")
def multi():
    return 1, [2], {"three": 3}
print(nothing(), early(1), early(0))
a, b, c = multi()
print(a, b, c)
def gen_return():
    return
print(gen_return())
