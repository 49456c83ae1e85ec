def init(self, v):
    self.v = v
Point = type("Point", (), {"__init__": init, "double": lambda self: self.v * 2, "k": 1})
p = Point(21)
print(p.double(), p.k, Point.__name__, type(p).__name__)
Sub = type("Sub", (Point,), {"k": 2})
s = Sub(1)
print(s.k, s.double(), isinstance(s, Point), [c.__name__ for c in Sub.__mro__])
