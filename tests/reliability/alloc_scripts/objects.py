# Allocation sweep: classes, dicts, lists, strings and formatting.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)


class Named(Point):
    __slots__ = ()

    def label(self):
        return "p" + str(self.x)


points = [Named(i, i * i) for i in range(20)]
total = Point(0, 0)
for p in points:
    total = total + p
index = {p.label(): p for p in points}
words = " ".join(sorted(index)).split()
counts = {}
for w in words:
    counts[w[:2]] = counts.get(w[:2], 0) + 1
text = "-".join(f"{k}={v}" for k, v in sorted(counts.items()))
big = [str(i) * 3 for i in range(50)]
big.extend(reversed(big))
merged = {**counts, "extra": [1, 2, (3, 4)], 10**20: 2**70}
print(total, len(index), text.upper()[:40], len(big), len(merged))
print(repr(points[:3]), sum(len(s) for s in big), hash((1, "a")) != 0)
