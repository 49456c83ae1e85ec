class Shape:
    name = "shape"
    def area(self):
        raise NotImplementedError
    def describe(self):
        return "%s with area %s" % (self.name, self.area())
class Square(Shape):
    name = "square"
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
print(Square(3).describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError", repr(e))
