# enum: custom __new__, _missing_, mixins, zero flags, format.
from enum import Enum, IntEnum, auto, Flag
class Coord(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    PX = (0, 'P.X')
    PY = (1, 'P.Y')
print(Coord.PY.label, Coord(1), Coord.PX.value)
class Status(Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'
    @classmethod
    def _missing_(cls, value):
        for m in cls:
            if m.value == value.lower(): return m
print(Status('ACTIVE'), Status('inactive'))
class Ord(IntEnum):
    A = auto(); B = auto()
print(Ord.A + Ord.B, Ord(2), Ord.A in [1, 2], {Ord.A: 1}[1])
class Color(Enum):
    RED = 1
    GREEN = 2
print(Color.RED.__class__.__name__, isinstance(Color.RED, Enum), Color.RED._name_, Color.RED._value_, Color._member_map_.keys())
print(format(Color.RED, '>12') + '|', '{:<10}|'.format(Color.GREEN))
class S(str, Enum):
    X = 'x'
print(S.X + 'y', S.X.upper(), S('x'))
class F(Flag):
    NONE = 0
    A = auto()
    B = auto()
print(list(F), F.NONE, F.A | F.B, F(3), F.A & F.B)
print(Color.__members__.items() if False else list(Color.__members__.items()))
