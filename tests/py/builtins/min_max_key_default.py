words = ["kiwi", "fig", "banana", "apple"]
print(min(words), max(words), min(words, key=len), max(words, key=len))
print(max([], default=None), min((), default="none"), max(3, 7, key=lambda v: -v))
print(max([1, 3, 3, 2]), max([(1, "b"), (1, "a")]), min("zyx"))
print(max(words, key=lambda w: w[-1]), min([[3], [1, 2]]))
try:
    max(1)
except TypeError as e:
    print(e)
