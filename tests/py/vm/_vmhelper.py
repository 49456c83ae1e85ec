VALUE = 99
def double(x):
    return x * 2
