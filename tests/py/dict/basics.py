d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], "b" in d, "z" not in d)
d["a"] = 10
print(d)
del d["b"]
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("z"), d.get("z", 0), d.get("c"))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": 1}, extra=2))
