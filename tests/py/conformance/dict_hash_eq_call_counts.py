# How often dict operations call a key's __hash__ and __eq__: setdefault
# looks a key up once, and dict.fromkeys of a set, frozenset or dict reuses
# the stored hashes.
class Counted:
    def __init__(self, n):
        self.n = n
        self.hashes = 0
        self.eqs = 0

    def __hash__(self):
        self.hashes += 1
        return 42

    def __eq__(self, other):
        self.eqs += 1
        return self is other


a, b = Counted(1), Counted(2)
d = {a: "a"}
d.setdefault(b, [])
print(a.hashes, b.hashes, a.eqs + b.eqs)
print(d.setdefault(b, "ignored"), b.hashes)


class CountedInt(int):
    def __init__(self, *args):
        self.hashes = 0

    def __hash__(self):
        self.hashes += 1
        return int.__hash__(self)


keys = dict.fromkeys(map(CountedInt, range(6)))
total = lambda: sum(k.hashes for k in keys)
print(total())
for source in (set(keys), frozenset(keys), dict(keys)):
    before = total()
    made = dict.fromkeys(source, 0)
    print(type(source).__name__, total() - before, sorted(made.items()))
print(dict.fromkeys({"x", "y"}, 1) == {"x": 1, "y": 1}, dict.fromkeys({}, 1))
