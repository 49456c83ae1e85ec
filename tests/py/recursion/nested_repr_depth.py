# How deep a nested container can be before repr(), str() and
# copy.deepcopy() run into the recursion limit: each level costs one step
# of it for repr (CPython's accounting), two Python frames for deepcopy.
import copy


def nested_list(depth):
    x = []
    for _ in range(depth):
        x = [x]
    return x


def nested_dict(depth):
    x = {}
    for _ in range(depth):
        x = {'k': x}
    return x


def nested_tuple(depth):
    x = ()
    for _ in range(depth):
        x = (x,)
    return x


def first_failure(fn, make):
    for depth in range(100, 1300, 50):
        try:
            fn(make(depth))
        except RecursionError as e:
            return depth, str(e)
    return None


print(first_failure(repr, nested_list))
print(first_failure(repr, nested_dict))
print(first_failure(repr, nested_tuple))
print(first_failure(str, nested_list))
# Only the depth: which call meets the limit first (and so the message's
# tail) is an implementation detail.
print(first_failure(copy.deepcopy, nested_list)[0])
print(len(repr(nested_list(900))))
