# collections' Python types: defaultdict, OrderedDict, Counter, namedtuple
# and ChainMap -- normal use, edge cases, reprs and error messages.
import collections
from collections import defaultdict, OrderedDict, Counter, namedtuple, ChainMap, deque


def show(fn):
    try:
        print(repr(fn()))
    except Exception as e:
        print(type(e).__name__, e)


print([n in collections.__all__ for n in ('deque', 'defaultdict', 'OrderedDict', 'Counter', 'namedtuple', 'ChainMap')])
print(deque([1, 2, 3], maxlen=2))

# defaultdict
d = defaultdict(list)
d["a"].append(1)
d["b"]
print(d, d.default_factory, len(d))
print(defaultdict(), defaultdict(None, {1: 2}), defaultdict(int, a=1))
show(lambda: defaultdict(None)["x"])
show(lambda: defaultdict(5))
c = d.copy()
print(type(c).__name__, c == d, c is d, c.default_factory is list)
print(d.get("zz"), "zz" in d)
class Dd(defaultdict):
    pass
print(Dd(int, x=1))
print(isinstance(d, dict))

# OrderedDict
od = OrderedDict([("a", 1), ("b", 2), ("c", 3)])
od.move_to_end("a")
print(od, list(od))
od.move_to_end("c", last=False)
print(list(od.items()))
show(lambda: od.move_to_end("zz"))
print(od.popitem(), od.popitem(last=False), od)
show(lambda: OrderedDict().popitem())
print(OrderedDict(), repr(OrderedDict(x=1)))
a = OrderedDict([(1, 1), (2, 2)])
b = OrderedDict([(2, 2), (1, 1)])
print(a == b, a == dict(b), dict(a) == b, a != b)
e = a.copy()
print(type(e).__name__, e == a, e is a)
class Od(OrderedDict):
    pass
print(Od(k=1), Od(k=1).copy())

# Counter
cnt = Counter("abracadabra")
print(cnt, cnt["z"], "z" in cnt)
print(cnt.most_common(2), cnt.most_common()[-1], cnt.most_common(0))
print(sorted(cnt.elements()), cnt.total())
cnt.update("aaz")
cnt.update({"b": 5})
cnt.update(q=2)
print(cnt)
cnt.subtract("aaaa")
cnt.subtract({"q": 5}, b=1)
print(cnt)
print(Counter(), Counter(a=0), Counter({"x": 2, "y": -1}))
p, q = Counter(a=3, b=1, c=0), Counter(a=1, b=2, d=4)
print(p + q, p - q, q - p)
print(Counter(a=2).copy(), type(Counter(a=2).copy()).__name__)
print(Counter(["x", "y", "x"]) == {"x": 2, "y": 1})
del cnt["a"]
print("a" in cnt)
class MyCounter(Counter):
    pass
print(MyCounter("aab"))

# namedtuple
Point = namedtuple("Point", "x y")
pt = Point(1, y=2)
print(pt, pt.x, pt[1], pt._fields, Point.__name__, Point.__doc__)
print(pt._asdict(), pt._replace(x=5), Point._make([7, 8]), tuple(pt))
print(Point.__module__, Point.__match_args__, Point._field_defaults)
x, y = pt
print(x + y, pt == (1, 2), hash(pt) == hash((1, 2)), isinstance(pt, tuple))
show(lambda: Point(1))
show(lambda: Point())
show(lambda: Point(1, 2, 3))
show(lambda: Point(1, 2, z=3))
show(lambda: Point(1, x=3))
show(lambda: pt._replace(z=1))
show(lambda: setattr(pt, "x", 3))
show(lambda: Point._make([1]))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[10, 20])
print(P3(1), P3(1, 2), P3(1, c=5), P3._field_defaults)
show(lambda: namedtuple("Bad", "a", defaults=[1, 2]))
show(lambda: namedtuple("Bad", "a a"))
show(lambda: namedtuple("Bad", "a _b"))
show(lambda: namedtuple("Bad", "a 1b"))
show(lambda: namedtuple("1Bad", "a"))
show(lambda: namedtuple("Bad", "a class"))
R = namedtuple("R", "a, b _c class a", rename=True)
print(R._fields)
M = namedtuple("M", "a", module="somewhere")
print(M.__module__, M(1))
E = namedtuple("E", "")
print(E(), E._fields)
print(Point.x.__doc__)
print(pt.__getnewargs__())
class Sub(Point):
    def norm(self):
        return self.x * self.x + self.y * self.y
print(Sub(3, 4).norm(), Sub(3, 4))

# ChainMap
base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm.get("z"), cm.get("z", 0), "c" in cm, len(cm))
print(list(cm), sorted(cm.items()), sorted(cm.values()))
cm["d"] = 4
del cm["b"]
print(over, base, cm["b"])
show(lambda: cm["zz"])
show(lambda: cm.__delitem__("a"))
child = cm.new_child()
child["a"] = 100
print(child["a"], cm["a"], len(child.maps), child.parents.maps == cm.maps)
print(ChainMap(), ChainMap({1: 2}, {3: 4}))
print(cm.new_child({"n": 1})["n"], dict(ChainMap({"a": 1}, {"a": 2, "b": 3})))

# More Counter and OrderedDict operations.
p, q = Counter(a=3, b=1, c=0), Counter(a=1, b=2, d=4)
print(p | q, p & q, +Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) < Counter(a=3),
      Counter(a=3) >= Counter(), Counter(a=1) > Counter(a=1, b=-1))
r = Counter(a=1, b=2)
r += Counter(a=-1, c=1)
print(r)
r -= Counter(b=5)
print(r)
show(lambda: Counter.fromkeys("ab"))
show(lambda: Counter(a=1) + {"a": 1})
print(Counter(a=2, b=-1, c=1).most_common(-1), list(Counter(a=2, b=-1, c=1).elements()))
show(lambda: hash(Counter()))
print(list(reversed(OrderedDict(a=1, b=2))), OrderedDict.fromkeys("xy", 0))
print(type(OrderedDict.fromkeys("xy")).__name__, OrderedDict(a=1) == OrderedDict(a=1))
dd = defaultdict(list, a=[1])
print(dd | {"b": [2]}, {"z": 0} | dd, type(dd | {}).__name__)
cm2 = ChainMap({"a": 1}, {"b": 2})
print(cm2.pop("a"), cm2, bool(ChainMap()), bool(cm2), cm2 == {"b": 2})
show(lambda: cm2.pop("b"))
show(lambda: cm2.popitem())
print(cm2.setdefault("n", 5), cm2.copy(), (cm2 | {"m": 1}).maps[0])
print(Counter({"a": "x", "b": 1}))
