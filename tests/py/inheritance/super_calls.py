class Base:
    def __init__(self, x):
        self.x = x
        print("Base init", x)
    def describe(self):
        return "Base(%s)" % self.x
class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        print("Child init", y)
    def describe(self):
        return "Child<" + super().describe() + ", %s>" % self.y
c = Child(1, 2)
print(c.describe())
class GrandChild(Child):
    def describe(self):
        return super(Child, self).describe() + " skipped Child"
print(GrandChild(3, 4).describe())
