# enumerate, zip (strict), map, filter, reversed, iter(callable, sentinel)
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate([1], start=2**63)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
print(list(zip([1, 2], [3, 4], strict=True)), list(map(abs, [-1, 2, -3])))
print(list(map(lambda a, b: a + b, [1, 2], [3, 4, 5])), list(filter(None, [0, 1, "", "a", None, []])))
print(list(filter(lambda x: x % 2, range(10))), list(reversed((1, 2, 3))), list(reversed("abc")))
print(list(reversed(range(3))), list(reversed({1: 2, 3: 4})))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()), list(iter(Seq())))
count = iter([1, 2, 3, 4, 0, 5]).__next__
print(list(iter(count, 0)))
e = enumerate(["x", "y"])
print(next(e), next(e))
try:
    next(e)
except StopIteration:
    print("done")
for bad in ("list(zip([1], [1, 2], strict=True))", "list(zip([1, 2], [1], strict=True))",
            "list(zip([1], [1], [1, 2], strict=True))", "list(zip([1, 2], [1, 2], [1], strict=True))",
            "zip(1)", "map(len)", "map(len, 1)", "filter(None, 1)", "filter()", "reversed(1)",
            "reversed(set())", "reversed()", "enumerate(1)", "enumerate([], 'a')", "iter(1, 2)",
            "zip(x=1)", "enumerate()"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(len, [])).__name__,
      type(filter(None, [])).__name__, type(reversed([])).__name__, type(reversed(())).__name__)
