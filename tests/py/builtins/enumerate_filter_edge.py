print(list(enumerate([], 3)), list(enumerate("a", -2)))
class Pos:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v > 0
print([p.v for p in filter(None, [Pos(1), Pos(-1), Pos(2)])])
e = enumerate("xy")
print(next(e), list(e))
print(type(e).__name__, type(zip()).__name__, type(reversed([])).__name__)
