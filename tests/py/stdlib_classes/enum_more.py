# enum: members as values, iteration order, aliases, comparisons, custom methods, errors.
from enum import Enum, IntEnum, Flag, auto, unique

class Weekday(Enum):
    MON = 1
    TUE = 2
    WED = 3
    @property
    def is_start(self):
        return self is Weekday.MON
    @classmethod
    def from_name(cls, name):
        return cls[name.upper()]

print([d.name for d in Weekday], [d.value for d in reversed(Weekday)])
print(Weekday.MON.is_start, Weekday.from_name('wed'), Weekday(2).name)
print(Weekday.MON < Weekday.TUE if False else 'no order', Weekday.MON == 1, Weekday.MON is Weekday['MON'])
try:
    Weekday.MON < Weekday.TUE
except TypeError as e:
    print('TypeError', e)
try:
    Weekday.THU
except AttributeError as e:
    print('AttributeError', e)
print(len(Weekday), list(Weekday.__members__), Weekday.__members__['TUE'])
d = {Weekday.MON: 'start'}
print(d[Weekday(1)], Weekday.MON in d)

class Level(IntEnum):
    LOW = 10
    HIGH = 20
print(Level.LOW < Level.HIGH, Level.HIGH - 5, sorted([Level.HIGH, Level.LOW]), max(Level), int(Level.LOW))
print(Level(20), repr(Level(20)), '%d' % Level.HIGH, '{}'.format(Level.LOW), str(Level.LOW))

class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(Perm.R | Perm.W | Perm.X, Perm.RWX, list(Perm), Perm(6), Perm.R in Perm.RWX, len(Perm.RWX))
print(Perm(0), bool(Perm(0)), Perm.RWX & ~Perm.W, Perm.R ^ Perm.RWX)
try:
    Perm(8)
except ValueError as e:
    print('ValueError', str(e).splitlines()[0])

class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto))

class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(list(Shape), Shape.ALIAS_FOR_SQUARE, Shape(2).name, Shape.__members__['ALIAS_FOR_SQUARE'])
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
except ValueError as e:
    print('ValueError', e)

class Mood(Enum):
    FUNKY = 1
    HAPPY = 3
    def describe(self):
        return self.name, self.value
    def __str__(self):
        return 'my custom str! {0}'.format(self.value)
    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY
print(Mood.favorite_mood(), Mood.HAPPY.describe(), str(Mood.FUNKY), repr(Mood.FUNKY))
Animal = Enum('Animal', 'ANT BEE CAT DOG')
print(Animal.ANT, Animal.DOG.value, list(Animal)[1], Animal(3))
