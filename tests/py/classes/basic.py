class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
p.z = 5
print(p.z, sorted(vars(p)))
print(type(p).__name__, type(p) is Point, isinstance(p, Point), Point.__name__)
print(Point.norm2(p))
print(p.__dict__)
