import sys
def count_arg(x):
    return sys.getrefcount(x)
obj = []
print(count_arg(obj))
def count_two(x, y):
    return sys.getrefcount(x)
print(count_two(obj, obj))
container = {"a": obj, "b": obj}
print(sys.getrefcount(obj))
del container
print(sys.getrefcount(obj))
