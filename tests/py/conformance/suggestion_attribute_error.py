# AttributeError hints come from dir(obj), including modules, classes and
# errors raised by __getattr__ (which get .name and .obj added on the way out).
import math

class G:
    value = 3
    def __getattr__(self, n):
        raise AttributeError(n)

try:
    G().valeu
except AttributeError as e:
    print(repr(e), e.name, type(e.obj).__name__)
try:
    math.sqr
except AttributeError as e:
    print(str(e), e.name, e.obj is math)

class Point:
    def __init__(self):
        self.horizontal = 1
        self.vertical = 2

p = Point()
print(p.horizontal + p.vertcal)
