class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, v):
        self.cells[key] = v
    def __delitem__(self, key):
        del self.cells[key]
    def __len__(self):
        return self.w * self.h
    def __contains__(self, v):
        return v in self.cells.values()
g = Grid(3, 2)
g[1, 1] = "#"
g[0, 0] = "@"
print(g[1, 1], g[2, 1], len(g), "#" in g, "?" in g)
del g[1, 1]
print("#" in g)
try:
    g[5, 5]
except IndexError as e:
    print(e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), [x for x in Seq()])
