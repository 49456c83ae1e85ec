def bad():
    yield 1
    raise StopIteration("oops")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
def lazy_pipeline():
    nums = (n for n in range(10))
    evens = (n for n in nums if n % 2 == 0)
    squares = (n * n for n in evens)
    return list(squares)
print(lazy_pipeline())
