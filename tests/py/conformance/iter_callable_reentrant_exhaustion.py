# iter(callable, sentinel) whose callable exhausts the same iterator from
# inside the call: the next() in progress ends with StopIteration.
DONE = object()


def source():
    if source.inner:
        return DONE
    source.inner = True
    rest = list(source.iterator)
    print("inner saw", rest)
    return "value"


source.inner = False
source.iterator = iter(source, DONE)
try:
    print(next(source.iterator))
except StopIteration:
    print("StopIteration")
print(list(source.iterator))


# The sentinel is compared on the left, as in CPython.
class Sentinel:
    def __eq__(self, other):
        print("Sentinel.__eq__", other)
        return other == 3


values = iter([1, 2, 3, 4])
print(list(iter(values.__next__, Sentinel())))
