# insertion order survives deletions, resizes and re-insertions
d = {}
for i in range(1000):
    d[i * 7 % 1000] = i
print(len(d), list(d)[:5], list(d)[-3:])
for i in range(0, 1000, 2):
    del d[i]
print(len(d), list(d)[:5])
for i in range(0, 10, 2):
    d[i] = -i
print(list(d.items())[-5:])
d2 = dict.fromkeys(range(5))
del d2[2]
d2[2] = "again"
print(d2)
keys = {}
keys[1] = "int"
keys[1.0] = "float"
keys[True] = "bool"
print(keys)
big = {str(i): i for i in range(100)}
print(sum(big.values()), big["42"], len(big.keys()))
nested = {"a": {"b": {"c": [1, 2, {"d": ()}]}}}
print(nested)
r = {}
r["self"] = r
print(r)
