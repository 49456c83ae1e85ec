"""Helper module for the import tests."""
print("_shapes module executing, __name__ =", __name__)
PI = 3.14159
__all__ = ["area", "Square"]
def area(r):
    return round(PI * r * r, 2)
class Square:
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s * self.s
def _private():
    return "private"
counter = 0
def bump():
    global counter
    counter += 1
    return counter
if __name__ == "__main__":
    print("not printed on import")
