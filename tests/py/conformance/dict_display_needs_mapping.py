# {**x} in a dict display accepts mappings only. dict.update would take a
# sequence of pairs, but the display refuses it (and a str) up front.

for value in ("ab", [("k", 1)], (("k", 1),), [[1, 2]], 5):
    try:
        merged = {**value}
    except TypeError as exc:
        print(type(value).__name__, "->", exc)
    else:
        print(type(value).__name__, "accepted", merged)


class KeysOnly:
    # Anything with keys() and __getitem__ counts as a mapping here.
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, key):
        return key * 2


print({**KeysOnly(), "z": 0})
print({"a": 1, **{"b": 2}, **dict(c=3)})

# dict.update itself still takes pairs.
d = {}
d.update([("p", 1)])
print(d)
