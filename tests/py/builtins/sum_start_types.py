print(sum([]), sum([], 5), sum([0.1] * 3), sum([1, 2.5]), sum([True, True]))
print(sum([[1], [2]], []), sum(((1,), (2,)), ()))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
print(sum(range(10 ** 5)), sum(x * x for x in range(10)))
