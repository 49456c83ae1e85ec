# copy and deepcopy use reductions registered with copyreg.pickle(), refuse
# objects whose reduce methods cannot be looked up, and reject 6-item
# reduce tuples as CPython 3.11's copy does.
import copy
import copyreg


class Point:
    def __new__(cls, x):
        self = object.__new__(cls)
        self.x = x
        return self

p = Point([1])
try:
    copy.copy(p)
except TypeError as e:
    print('TypeError before registering')
copyreg.pickle(Point, lambda pt: (Point, (pt.x,)))
c = copy.copy(p)
d = copy.deepcopy(p)
print(type(c).__name__, c.x is p.x, d.x == p.x, d.x is p.x)


class Hidden:
    def __getattribute__(self, name):
        if name.startswith('__reduce'):
            raise AttributeError(name)
        return object.__getattribute__(self, name)

for f in (copy.copy, copy.deepcopy):
    try:
        f(Hidden())
    except copy.Error as e:
        print('copy.Error', str(e).split(' of type')[0])


class Six:
    def __reduce__(self):
        return Six, (), None, None, None, None

for f in (copy.copy, copy.deepcopy):
    try:
        f(Six())
        print('copied')
    except TypeError:
        print('TypeError')


class Five:
    def __init__(self):
        self.items = []
    def __reduce__(self):
        return Five, (), {'tag': 1}, iter([1, 2]), None
    def append(self, v):
        self.items.append(v)

f5 = copy.copy(Five())
print(f5.tag, f5.items)
