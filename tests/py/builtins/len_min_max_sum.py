print(len("abc"), len([1, 2]), len({}), len(range(10)), len((1,)), len({1, 2}))
print(min(3, 1, 2), max([4, 9, 2]), min("bca"), max("a", "b", key=str.upper))
print(min([], default="empty"), max([5], default=0), min([3, 1], key=lambda v: -v))
print(sum([1, 2, 3]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(5), 10))
try:
    min([])
except ValueError as e:
    print(e)
try:
    max()
except TypeError as e:
    print(e)
