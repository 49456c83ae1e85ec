# Mapping patterns: key lookup with get (no __missing__), **rest, literal
# and dotted keys, dict subclasses, duplicate keys at run time.
import collections


class Keys:
    A = "a"
    B = "b"


def mp(v):
    match v:
        case {}  if not v:
            return "empty mapping"
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {Keys.A: 1, **rest}:
            return f"a is 1, rest={rest}"
        case {1: one, -2: minus, 1.5: f, None: n, False: t}:
            return f"literal keys {one} {minus} {f} {n} {t}"
        case {"k": [a, *b]}:
            return f"nested k={a} {b}"
        case {}:
            return f"some mapping of {len(v)}"
    return "no match"


for v in [{}, {"type": "point", "x": 1, "y": 2, "extra": 0}, {"a": 1, "c": 3, "d": 4},
          {1: "i", -2: "m", 1.5: "f", None: "n", False: "t"},
          {"k": [1, 2, 3]}, {"z": 0}, [("a", 1)], "abc"]:
    print(mp(v))

# defaultdict: patterns use get(), so missing keys are not created.
d = collections.defaultdict(list)
d["x"] = 1
match d:
    case {"y": _}:
        print("no")
    case {"x": x}:
        print("defaultdict x", x, sorted(d))

# A dict subclass with its own get is consulted.
class Loud(dict):
    def get(self, key, default=None):
        print("get", key)
        return dict.get(self, key, default)


match Loud(a=1, b=2):
    case {"a": 1, "b": b}:
        print("loud b", b)

# OrderedDict is a mapping; rest keeps order and is a plain dict.
od = collections.OrderedDict([("z", 1), ("y", 2), ("x", 3)])
match od:
    case {"y": 2, **rest}:
        print(rest, type(rest).__name__)

# Rest is a copy: changing it does not change the subject.
src = {"a": 1, "b": 2}
match src:
    case {**everything}:
        everything["c"] = 3
        print(src, everything)

# Run-time duplicate key (two attributes with the same value).
class Same:
    X = "k"
    Y = "k"


try:
    match {"k": 1, "j": 2}:
        case {Same.X: 1, Same.Y: 1}:
            print("no")
except ValueError as e:
    print("ValueError", e)

# Not mappings.
for v in [[1], (1,), "k", 3, None]:
    match v:
        case {}:
            print("mapping?", v)
        case _:
            print("not a mapping", repr(v))
