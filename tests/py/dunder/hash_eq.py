class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
s = {P(1, 2), P(1, 2), P(2, 1)}
print(len(s), P(1, 2) in s)
d = {P(0, 0): "origin"}
print(d[P(0, 0)])
class H:
    def __hash__(self):
        return 7
print(hash(H()), hash(H()) == 7)
class Big:
    def __hash__(self):
        return 2 ** 100
print(hash(Big()))
