# Class patterns: positional via __match_args__, keywords, builtins that
# match themselves, dataclasses and namedtuples, and the run-time errors.
from dataclasses import dataclass
from collections import namedtuple


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point3(x, y, z=0):
            return f"3d flat {x},{y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point3(1, 2, 0), Point(4, 4),
          Point3(1, 2, 3), Point(1, 2), 42]:
    print(where(p))


def builtin_self(v):
    match v:
        case bool(b):
            return ("bool", b)
        case int(i):
            return ("int", i)
        case float(f):
            return ("float", f)
        case str(s):
            return ("str", s)
        case bytes(b):
            return ("bytes", b)
        case bytearray(b):
            return ("bytearray", b)
        case list(l):
            return ("list", l)
        case tuple(t):
            return ("tuple", t)
        case dict(d):
            return ("dict", d)
        case set(s):
            return ("set", sorted(s))
        case frozenset(s):
            return ("frozenset", sorted(s))
        case _:
            return ("other", v)


for v in [True, 3, 2.5, "hi", b"by", bytearray(b"ba"), [1], (2,), {"a": 1}, {3, 1},
          frozenset({2}), None]:
    print(builtin_self(v))


class MyInt(int):
    pass


match MyInt(7):
    case int(n):
        print("subclass of int matches itself", n, type(n).__name__)


@dataclass
class Item:
    name: str
    price: float
    qty: int = 1


print(Item.__match_args__)
match Item("pen", 1.5, 3):
    case Item(name, price, qty=q) if q > 1:
        print("many", name, price, q)

Pair = namedtuple("Pair", "left right")
print(Pair.__match_args__)
match Pair(1, 2):
    case Pair(l, r):
        print("pair", l, r)
match Pair(1, 2):
    case (a, b):
        print("namedtuple is a sequence", a, b)

# Nested class patterns.
class Line:
    __match_args__ = ("start", "end")

    def __init__(self, start, end):
        self.start = start
        self.end = end


match Line(Point(0, 0), Point(2, 3)):
    case Line(Point(0, 0), Point(x, y) as end):
        print("from origin to", x, y, type(end).__name__)

# Dotted class names.
import collections
match Pair(5, 6):
    case collections.OrderedDict():
        print("no")
    case Pair(left=5):
        print("keyword on namedtuple")

# Missing attribute means no match, not an error.
class Empty:
    pass


match Empty():
    case Empty(missing=1):
        print("no")
    case Empty():
        print("missing attribute: no match")

# Run-time errors.
def attempt(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


class NonStrArgs:
    __match_args__ = (1,)


class Dup:
    __match_args__ = ("x",)
    x = 1


def too_many():
    match NoArgs():
        case NoArgs(a):
            return a


def too_many_builtin():
    match 5:
        case int(a, b):
            return a


def bad_match_args():
    match BadArgs():
        case BadArgs(a):
            return a


def non_str():
    match NonStrArgs():
        case NonStrArgs(a):
            return a


def dup_attr():
    match Dup():
        case Dup(a, x=b):
            return a


def not_a_type():
    f = len
    match 5:
        case f():
            return "x"


def point_too_many():
    match Point(1, 2):
        case Point(a, b, c):
            return a


for fn in [too_many, too_many_builtin, bad_match_args, non_str, dup_attr, not_a_type,
           point_too_many]:
    attempt(fn)

# A non-instance never looks at __match_args__.
match 3:
    case BadArgs(a):
        print("no")
    case _:
        print("isinstance first")
