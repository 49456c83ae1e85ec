from _shapes import *
print(area(1), Square(4).area())
print("PI" in dir(), "_private" in dir(), "bump" in dir())
