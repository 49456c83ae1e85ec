# abc: abstract methods block instantiation; concrete subclasses work.
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def perimeter(self): ...
    def describe(self): return "shape with area %s" % self.area()
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def perimeter(self): return 4 * self.s
class Half(Shape):
    def area(self): return 1
for c in (Shape, Half):
    try: c()
    except TypeError as e: print(e)
print(Sq(3).describe(), isinstance(Sq(2), Shape), issubclass(Sq, Shape), Shape.__abstractmethods__ == frozenset({'area', 'perimeter'}))
class P(ABC):
    @property
    @abstractmethod
    def name(self): ...
class PP(P):
    @property
    def name(self): return 'pp'
print(PP().name)
try: P()
except TypeError as e: print(e)
print(type(Shape), Shape.__abstractmethods__ is not None, sorted(Half.__abstractmethods__))
