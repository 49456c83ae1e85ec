# enum: Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, functional API.
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color(1), Color['GREEN'], list(Color), len(Color), Color.CRIMSON is Color.RED)
print(f"{Color.RED}", format(Color.RED), '%s' % Color.RED, Color.RED.name, Color.RED.value, Color.__members__)
print(Color, repr(Color), type(Color), Color.RED in Color, 1 in [m.value for m in Color], isinstance(Color.RED, Color))
try: Color(7)
except ValueError as e: print(e)
try: Color['X']
except KeyError as e: print(repr(e))
try: Color.RED = 5
except AttributeError as e: print(e)
class N(IntEnum):
    A = 1
    B = auto()
print(N.A, repr(N.B), f"{N.B}", N.A + 1, N.A == 1, N.B < 3, str(N.A), format(N.A, '03d'))
class P(Flag):
    R = auto(); W = auto(); X = auto()
print(P.R|P.W, repr(P.R|P.W), P(0), repr(P(0)), ~P.R, P.R in (P.R|P.W), list(P.R|P.X), bool(P(0)), (P.R|P.W).name, (P.R|P.W).value)
class Q(IntFlag):
    R = 4; W = 2; X = 1
print(Q.R|Q.W, repr(Q.R|Q.W), Q.R | 8, repr(Q.R|8), Q(0), repr(~Q.R), Q.R + 1)
class S(StrEnum):
    A = auto(); B = 'bee'
print(S.A, repr(S.A), S.B == 'bee', f"{S.B}")
class M(str, Enum):
    A = 'a'
print(M.A, repr(M.A), f"{M.A}", M.A == 'a')
try:
    @unique
    class U(Enum):
        A = 1; B = 1
except ValueError as e: print(e)
F = Enum('F', 'X Y Z')
print(list(F), F.Y.value, repr(F))
G = Enum('G', [('A', 10), ('B', 20)])
print(G.A, G(20))
class W(Enum):
    A = 1
    def describe(self): return self.name.lower()
    @classmethod
    def first(cls): return cls.A
    @property
    def double(self): return self.value * 2
print(W.A.describe(), W.first(), W.A.double, hash(W.A) == hash(W.A), W.A == W.A, W.A != 1)
print(sorted([N.B, N.A]), dict.fromkeys(Color))
class T(Enum):
    A = (1, 2)
    B = (3, 4)
    def __init__(self, x, y): self.x = x; self.y = y
print(T.A.x, T.B.y, T.A.value, T((1,2)))
print(Color.RED.__class__, type(Color.RED).__name__, Color.__name__, Color._member_names_)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.MERCURY.mass, Planet.MERCURY)
class Z(Enum):
    _ignore_ = ['tmp']
    A = 1
    @staticmethod
    def f(): return 1
print(list(Z), dir(Color.RED)[:3])
print(Color.RED is Color(Color.RED), P(3), P(7), repr(P(7)))
