import _shapes as sh
import math as m
print(sh.area(1), m.floor(2.5))
print(sh.__name__)
