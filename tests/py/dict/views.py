d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
v = d.values()
it = d.items()
print(k, v, it)
d["d"] = 4
print(len(k), list(v), ("d", 4) in it, "a" in k)
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}))
print(list(reversed(d)), list(reversed(d.values())))
