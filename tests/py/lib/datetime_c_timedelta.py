# timedelta as the C type of _datetime: construction (exact rounding of
# floats, range limits and their messages), arithmetic results and their
# types, hashing of equal values, and comparisons with other types.
from datetime import timedelta
import copy
import pickle


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as exc:
        print(label, type(exc).__name__, exc)


# Construction: every unit, negatives normalised, floats rounded half-even.
print(repr(timedelta()), str(timedelta()))
print(repr(timedelta(1, 2, 3, 4, 5, 6, 7)))
print(repr(timedelta(days=-1, seconds=1)), str(timedelta(days=-1, seconds=1)))
print(repr(timedelta(microseconds=-1)), str(timedelta(microseconds=-1)))
for value in (0.5, 1.5, 2.5, -0.5, -1.5, 0.1, 1e-7, 3.0000005, -2.4999999):
    print('us', value, repr(timedelta(microseconds=value)))
for value in (1.5, 0.000001, 1e-7, 123456.7891234, -0.3):
    print('s', value, repr(timedelta(seconds=value)))
print(repr(timedelta(days=0.5, hours=1.25, minutes=-0.5, milliseconds=0.0005)))
print(repr(timedelta(weeks=1.5, days=1e-10)))
print(repr(timedelta(days=True, seconds=10**13)))
attempt('sum over', lambda: timedelta(days=True, seconds=10**15))
print(repr(timedelta(seconds=2**70 // 2**60)))
print(repr(timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)))
print(repr(timedelta(days=-999999999)))
print(timedelta.min, timedelta.max, timedelta.resolution)
attempt('over', lambda: timedelta(days=1000000000))
attempt('under', lambda: timedelta(days=-999999999, microseconds=-1))
attempt('huge', lambda: timedelta(days=10**12))
attempt('bigint', lambda: timedelta(microseconds=10**40))
attempt('nan', lambda: timedelta(seconds=float('nan')))
attempt('inf', lambda: timedelta(seconds=float('inf')))
attempt('str', lambda: timedelta(hours='1'))
attempt('kw', lambda: timedelta(years=1))
attempt('tiny float', lambda: timedelta(seconds=1e-300))
attempt('big float', lambda: timedelta(days=1e300))

# Fields and conversions.
d = timedelta(days=-3, seconds=-7, microseconds=12)
print(d.days, d.seconds, d.microseconds, d.total_seconds(), bool(d), bool(timedelta(0)))
print(timedelta.max.total_seconds(), timedelta(microseconds=1).total_seconds())
print(str(timedelta(days=2, seconds=3723, microseconds=5)), str(timedelta(days=-2)))

# Arithmetic.
a = timedelta(hours=7, minutes=13, microseconds=5)
b = timedelta(days=1)
print(repr(a + b), repr(a - b), repr(-a), repr(+a), repr(abs(-a)))
print(repr(a * 3), repr(3 * a), repr(a * -1), repr(a * 0.5), repr(0.1 * a), repr(a * 2.5))
print(repr(a / 3), repr(a / 0.7), repr(a // 7), repr(a // -7), a / b, a // b)
print(repr(a % b), repr(-a % b), divmod(a, b), divmod(-a, b))
print(repr(b / 3), repr(b / -3), repr(timedelta(microseconds=5) / 2), repr(timedelta(microseconds=7) / 2))
print(repr(b * (2**62)) if False else '', repr(timedelta(microseconds=1) * 2**62))
print(repr(timedelta(microseconds=3) // 2**70), repr(timedelta(microseconds=-3) // 2**70))
print(repr(timedelta(microseconds=3) / 2**70), repr(b / 1e30), repr(b / 1e-3))
attempt('mul over', lambda: b * 10**9)
attempt('mul huge', lambda: b * 10**30)
attempt('mul float over', lambda: b * 1e300)
attempt('add over', lambda: timedelta.max + timedelta.resolution)
attempt('neg min', lambda: -timedelta.min)
attempt('div zero', lambda: b / 0)
attempt('fdiv zero', lambda: b // 0)
attempt('div zero td', lambda: b / timedelta(0))
attempt('fdiv zero td', lambda: b // timedelta(0))
attempt('mod zero', lambda: b % timedelta(0))
attempt('div 0.0', lambda: b / 0.0)
attempt('mul nan', lambda: b * float('nan'))
attempt('div inf', lambda: b / float('inf'))
attempt('add int', lambda: b + 1)
attempt('radd int', lambda: 1 + b)
attempt('mod int', lambda: b % 2)
attempt('mul td', lambda: b * b)
attempt('rdiv', lambda: 2 / b)

# Equality, ordering, hashing.
print(timedelta(hours=24) == timedelta(days=1), hash(timedelta(hours=24)) == hash(timedelta(days=1)))
print(timedelta(seconds=-1) == timedelta(days=-1, seconds=86399), timedelta(0) == 0, timedelta(0) != 'x')
print(timedelta(1) < timedelta(2), timedelta(-1) < timedelta(0), timedelta(1) >= timedelta(1))
attempt('lt int', lambda: timedelta(1) < 1)
print(timedelta(1).__eq__(1), timedelta(1).__lt__('x'))
print(len({timedelta(days=1), timedelta(hours=24), timedelta(minutes=1440), timedelta(0)}))


# Subclasses: extra attributes, __new__, results of arithmetic are plain.
class Span(timedelta):
    label = 'span'

    def double(self):
        return self * 2


s = Span(hours=1)
s.note = 'kept'
print(type(s).__name__, repr(s), s.note, s.label, repr(s.double()), type(s + s).__name__)
print(type(-s).__name__, type(abs(s)).__name__, type(s * 2).__name__, s == timedelta(hours=1))
print(hash(s) == hash(timedelta(hours=1)), isinstance(s, timedelta))


class Hours(timedelta):
    def __new__(cls, hours):
        self = super().__new__(cls, hours=hours)
        self.hours = hours
        return self


h = Hours(5)
print(repr(h), h.hours, str(h), type(copy.copy(h)).__name__ if False else '')

# Pickling and copying.
for value in (timedelta(days=-5, microseconds=7), timedelta.max, Span(seconds=3)):
    back = pickle.loads(pickle.dumps(value))
    print(repr(back), type(back).__name__, back == value, copy.deepcopy(value) == value)
print(timedelta(1, 2, 3).__reduce__())
attempt('setattr', lambda: setattr(timedelta(1), 'days', 3))
attempt('setattr new', lambda: setattr(timedelta(1), 'other', 3))
