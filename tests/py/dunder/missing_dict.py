class Default(dict):
    def __missing__(self, key):
        return "missing:" + key
d = Default(a="1")
print(d["a"], d["b"], d.get("b"), "b" in d)
class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counter()
for ch in "banana":
    c[ch] += 1
print(c)
