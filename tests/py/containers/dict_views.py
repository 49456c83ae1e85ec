# keys/values/items views: live, set-like, iteration errors
d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
d["c"] = 3
print(k, list(v), list(i))
print("a" in k, 1 in v, ("a", 1) in i, ("a", 2) in i, "a" in i)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}))
print(sorted(["a", "q"] & k), k == {"a", "b", "c"}, i == {("a", 1), ("b", 2), ("c", 3)})
print(k < {"a", "b", "c", "d"}, k <= {"a", "b", "c"}, k > {"a"}, k == ["a", "b", "c"])
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), v == v, k.mapping == d)
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
print(type(iter(d)).__name__, type(iter(v)).__name__, type(iter(i)).__name__)
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
try:
    for key in d:
        del d["new"]
except RuntimeError as e:
    print("RuntimeError", e)
for key, value in d.items():
    print(key, value, end="; ")
print()
try:
    hash(k)
except TypeError as e:
    print(e)
empty = {}
print(empty.keys(), empty.values(), empty.items())
