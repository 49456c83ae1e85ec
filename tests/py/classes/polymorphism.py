class Shape:
    def area(self):
        return 0
    def __str__(self):
        return "%s(area=%s)" % (type(self).__name__, self.area())
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return round(3.14159 * self.r ** 2, 2)
shapes = [Rect(2, 3), Circle(1), Shape()]
for s in shapes:
    print(s)
print(sum(s.area() for s in shapes))
print(sorted(shapes, key=lambda s: s.area())[0])
