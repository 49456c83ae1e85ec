from _shapes import area, Square as Sq, PI
print(area(3), Sq(2).area(), PI)
from math import sqrt, pi
print(sqrt(49), pi)
from _shapes import bump, counter
bump()
print(counter)
import _shapes
print(_shapes.counter)
