# enum's private helpers that other modules and tests import:
# _simple_enum, _test_simple_enum and _iter_bits_lsb.
import enum
from enum import Enum, IntEnum, Flag, _simple_enum, _test_simple_enum, _iter_bits_lsb


@_simple_enum(IntEnum)
class Level:
    LOW = 1
    HIGH = 2

    def describe(self):
        return 'level %d' % self

print(Level.LOW, repr(Level.HIGH), Level(2).describe(), Level.__name__, isinstance(Level.LOW, int))
print([m.name for m in Level], Level.HIGH > Level.LOW)


class LevelCheck(IntEnum):
    LOW = 1
    HIGH = 2

    def describe(self):
        return 'level %d' % self

print(_test_simple_enum(LevelCheck, Level))


class Different(IntEnum):
    LOW = 1
    HIGH = 3

    def describe(self):
        return ''

try:
    _test_simple_enum(Different, Level)
except TypeError:
    print('TypeError on mismatch')


@_simple_enum(Flag)
class Perm:
    R = 4
    W = 2
    X = 1

print(Perm.R | Perm.W, Perm(7).value, list(_iter_bits_lsb(13)), list(_iter_bits_lsb(Perm(6))))
print(list(_iter_bits_lsb(0)))
try:
    list(_iter_bits_lsb(-3))
except ValueError as e:
    print('ValueError', e)


class NoMethod(IntEnum):
    LOW = 1
    HIGH = 2

try:
    _test_simple_enum(NoMethod, Level)
except TypeError:
    print('TypeError on extra attribute')
