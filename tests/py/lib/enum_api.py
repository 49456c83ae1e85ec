# enum: the less common corners of the API — errors, _order_, _ignore_,
# member()/nonmember(), custom _generate_next_value_, functional forms,
# flag boundaries, containment and the class-level protocol.
import enum
from enum import (Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, member,
                  nonmember, verify, UNIQUE, STRICT, CONFORM, EJECT, KEEP,
                  FlagBoundary, EnumType, EnumMeta, ReprEnum)


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

print(EnumMeta is EnumType, type(Color) is EnumType, isinstance(Color, EnumType))
print(repr(Color), repr(Color.RED), str(Color.BLUE), Color.RED._sort_order_ if hasattr(Color.RED, '_sort_order_') else 0)
print(list(reversed(Color)), len(Color), bool(Color), Color.__members__['GREEN'])
print(Color.RED in Color, Color.RED.__class__ is Color)
attempt('missing', lambda: Color(9))
attempt('missing-name', lambda: Color['PINK'])
attempt('getattr', lambda: Color.PINK)
attempt('dunder', lambda: Color.__nothing__)


def reassign():
    Color.RED = 4
attempt('reassign', reassign)


def delete():
    del Color.RED
attempt('delete', delete)


def extend():
    class More(Color):
        PINK = 4
attempt('extend', extend)


def dup_name():
    class D(Enum):
        A = 1
        A = 2
attempt('dup-name', dup_name)


def sunder():
    class D(Enum):
        _bad_ = 1
attempt('sunder', sunder)


def bad_order():
    class D(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
attempt('order', bad_order)


class Good(Enum):
    _order_ = 'A B'
    A = 1
    B = 2
print(list(Good), hasattr(Good, '_order_'))


class Ign(Enum):
    _ignore_ = 'tmp k'
    tmp = 5
    k = 6
    X = 1
print(list(Ign), hasattr(Ign, 'tmp'))


class Mixed(Enum):
    A = 1
    B = nonmember(2)
    C = member(lambda: 3)
    def method(self):
        return 'm' + self.name
print(list(Mixed.__members__), Mixed.B, Mixed.C.value(), Mixed.A.method())


class Named(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    X = auto()
    Y = auto()
print([m.value for m in Named], repr(auto()))


def late_gnv():
    class D(Enum):
        A = auto()
        def _generate_next_value_(name, start, count, last_values):
            return 1
attempt('late-gnv', late_gnv)


class Seq(Enum):
    A = auto()
    B = 10
    C = auto()
    D = 15
    E = auto()
print([m.value for m in Seq])


class Tup(Enum):
    P = (auto(), 'x')
    Q = (auto(), 'y')
print(Tup.P.value, Tup.Q.value)



# Functional API forms.
A1 = Enum('A1', 'x, y ,z')
A2 = Enum('A2', ['p', 'q'], start=10)
A3 = Enum('A3', {'one': 1, 'two': 2})
A4 = IntEnum('A4', 'a b', module='mymod', qualname='Outer.A4')
A5 = Enum('A5', [('k', 'v')], type=str)
print(list(A1), [m.value for m in A2], list(A3), A4.__module__, A4.__qualname__, A4.b + 1)
print(A5.k, A5.k.upper(), repr(A5.k), A1.__module__)
S1 = StrEnum('S1', 'AB CD')
print(list(S1), S1.AB == 'ab')
F1 = Flag('F1', 'R W X')
print([m.value for m in F1], F1.R | F1.X)

# Aliases and unique/verify.
class Al(Enum):
    A = 1
    B = 1
    C = 2
print(list(Al), list(Al.__members__), Al.B is Al.A, Al(1).name)
attempt('unique', lambda: unique(Al))
attempt('verify', lambda: verify(UNIQUE)(Al))
print(verify(UNIQUE)(Color) is Color)

# Values: unhashable values still work.
class Un(Enum):
    L = [1, 2]
    M = [3]
print(Un([3]), Un.L.value, Un([1, 2]) is Un.L)
attempt('unhash-miss', lambda: Un([9]))

# _missing_ returning garbage.
class Bad(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return 'nope'
attempt('bad-missing', lambda: Bad(2))

class Raise(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        raise KeyError('custom')
attempt('raise-missing', lambda: Raise(2))

# Hash, copy, pickle reduce, format.
import copy
print(hash(Color.RED) == hash('RED'), copy.copy(Color.RED) is Color.RED,
      copy.deepcopy(Color.GREEN) is Color.GREEN, Color.RED.__reduce_ex__(2))
print('[%s]' % format(Color.RED, '^14'), f'{Color.GREEN!r}', '{0.name}'.format(Color.BLUE))

# IntEnum / StrEnum details.
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE * 3, Num.TWO // 2, str(Num.ONE), format(Num.TWO, 'x'), repr(Num(2)), Num.ONE.real)
attempt('intenum-bad', lambda: IntEnum('B', [('X', 'nope')]))
class Txt(StrEnum):
    A = 'alpha'
    B = auto()
print(Txt.A, repr(Txt.B), Txt.A.upper(), '%s' % Txt.B, len(Txt.A), Txt.A.value)
def bad_str():
    class D(StrEnum):
        A = 1
attempt('strenum-bad', bad_str)

# Flag behaviour.
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
print(list(Perm), list(Perm.__members__), Perm.RW, repr(Perm.RW), Perm(3) is Perm.RW)
print(repr(Perm.R | Perm.X), str(Perm.R | Perm.X), (Perm.R | Perm.X).name, repr(~Perm.R), repr(~Perm.RW))
print(repr(Perm(0)), str(Perm(0)), Perm(0).name, len(Perm.R | Perm.X), list(Perm.W | Perm.X), Perm.R in Perm.RW)
print(Perm.R & Perm.W, Perm.RW ^ Perm.W, Perm.RW & Perm.R, bool(Perm.R & Perm.W), repr(~Perm(0)))
attempt('flag-strict', lambda: Perm(9))
attempt('flag-contains', lambda: 1 in Perm.RW)
attempt('flag-or-int', lambda: Perm.R | 1)
print(Perm._boundary_, Flag._boundary_, IntFlag._boundary_, FlagBoundary.KEEP, repr(CONFORM))

class Conf(Flag, boundary=CONFORM):
    A = 1
    B = 2
print(repr(Conf(7)), repr(Conf(4)))

class Ej(Flag, boundary=EJECT):
    A = 1
    B = 2
print(repr(Ej(7)), repr(Ej(3)))

class Kp(Flag, boundary=KEEP):
    A = 1
    B = 2
print(repr(Kp(7)), str(Kp(4)), repr(~Kp.A))

class Bits(IntFlag):
    A = 1
    B = 2
    C = 4
print(repr(Bits.A | 8), Bits.A | 2, repr(Bits(0)), repr(~Bits.A), Bits.B + 1, Bits.C & 5, repr(Bits.C & 5), 3 | Bits.C)
print(list(Bits.A | Bits.C), len(Bits(7)), Bits(7).name, repr(Bits(-1)), isinstance(Bits.A | Bits.B, Bits))

class OutOfOrder(Flag):
    C = 4
    A = 1
    B = 2
print(list(OutOfOrder), list(OutOfOrder(7)), repr(OutOfOrder(5)))

# Subclassing an enum with no members, mixins and methods.
class Base(Enum):
    def describe(self):
        return '%s=%s' % (self.name, self.value)
class Derived(Base):
    A = 'a'
print(Derived.A.describe(), isinstance(Derived.A, Base), issubclass(Derived, Base))

class HasName(Enum):
    name = 1
    value = 2
print(HasName.name, HasName.value, HasName.name.name, HasName.value.value)

class WithInit(Enum):
    A = 1, 'one'
    B = 2, 'two'
    def __init__(self, num, label):
        self.num = num
        self.label = label
print(WithInit.A.value, WithInit.B.label, WithInit((2, 'two')))

class Fl(float, Enum):
    HALF = 0.5
print(Fl.HALF, repr(Fl.HALF), Fl.HALF * 2, Fl(0.5))

print(sorted(dir(Color))[:6], 'name' in dir(Color.RED))
print(issubclass(IntEnum, ReprEnum), issubclass(IntFlag, Flag), issubclass(StrEnum, str))
print(repr(Perm), repr(Bits), repr(FlagBoundary))
