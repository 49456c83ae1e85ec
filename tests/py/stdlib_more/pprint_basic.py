# pprint: one-line and wrapped layouts of dicts, lists, tuples, sets, strings,
# nested data, width/indent/depth/compact/sort_dicts, recursion, saferepr.
import collections
import io
import pprint

data = {"name": "gilpy", "versions": [1, 2, 3], "nested": {"b": [1] * 30, "a": (1, 2)},
        "tags": {1, 2}, "empty": {}, "text": "short"}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, sort_dicts=False, width=60)
pprint.pprint(list(range(40)))
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(list(range(40)), width=30, compact=True, indent=4)
pprint.pprint([[1, 2, [3, 4, [5, 6]]]] * 3, depth=2)
pprint.pprint((1,))
pprint.pprint(tuple(range(30)))
pprint.pprint(frozenset(range(25)))
pprint.pprint(set(range(25)))
pprint.pprint({"k" * 10: "v" * 80})
pprint.pprint("word " * 30)
pprint.pprint(["word " * 30])
pprint.pprint("line one\nline two\n" * 5, width=30)
pprint.pp({"z": 1, "a": [2] * 40})
print(pprint.pformat({"b": 1, "a": 2}))
print(pprint.pformat(list("abcdefghij"), width=20))
r = [1, 2]
r.append(r)
print(pprint.saferepr(r).split(" with id=")[0], pprint.isrecursive(r), pprint.isreadable(r))
print(pprint.isreadable([1, "a", (2.5,)]), pprint.isreadable(object()))
d = {}
d["self"] = d
print(pprint.pformat(d).split(" with id=")[0])
buf = io.StringIO()
pprint.pprint({"x": list(range(30))}, stream=buf)
print(buf.getvalue(), end="")
pp = pprint.PrettyPrinter(indent=2, width=30)
print(pp.pformat({"alpha": [1, 2, 3, 4, 5, 6, 7, 8], "beta": "b"}))
pprint.pprint(collections.OrderedDict((str(i), i) for i in range(12)))
pprint.pprint(collections.defaultdict(list, {"a" * 20: [1] * 20, "b": []}))
pprint.pprint(collections.Counter("abracadabra" * 5), width=20)
pprint.pprint(collections.deque(range(30)))
pprint.pprint({(1, 2): [None, True, 1.5, 2j, b"bytes"]}, width=20)
pprint.pprint({3: "c", 1: "a", "x": 2}, width=10)
for bad in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print(e)
