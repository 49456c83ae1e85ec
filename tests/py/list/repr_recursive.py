l = [1, 2]
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)
print([None, True, 1.0, "s", b"b", (1,), [], {}, set()])
print(repr([1, [2, [3, [4]]]]))
