d = {"a": 1, "b": 2}
print(d.setdefault("a", 5), d.setdefault("c", 3), d)
print(d.pop("a"), d.pop("zz", "dflt"), d)
d.update({"x": 9}, y=8)
d.update([("z", 7)])
print(d)
print(d.popitem(), d)
c = d.copy()
c["new"] = 1
print(len(d), len(c))
d.clear()
print(d)
try:
    {}.popitem()
except KeyError as e:
    print(e)
try:
    {}.pop("k")
except KeyError as e:
    print(repr(e))
