class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
vs = [Ver(1, 2), Ver(1, 0, 5), Ver(0, 9), Ver(1, 2)]
print(sorted(vs), max(vs), min(vs))
print(Ver(1) < Ver(2), Ver(1) >= Ver(1), Ver(1) == Ver(1), Ver(1) != Ver(1))
print(len(set(vs)), Ver(1, 2) in vs)
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(OnlyLt(2) > OnlyLt(1), [o.v for o in sorted([OnlyLt(3), OnlyLt(1)])])
try:
    OnlyLt(1) <= OnlyLt(2)
except TypeError as e:
    print(e)
