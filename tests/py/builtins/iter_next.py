it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
calls = iter(lambda: calls_list.pop(), 0)
calls_list = [0, 3, 2, 1]
print(list(calls))
s = iter("ab")
print(list(s), list(s))
d = iter({"k": 1, "j": 2})
print(next(d), next(d))
try:
    next([1, 2])
except TypeError as e:
    print(e)
