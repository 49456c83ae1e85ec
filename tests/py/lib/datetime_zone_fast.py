# The fixed-offset timezone's short roads: utcoffset() of a datetime in a
# timezone, and fromtimestamp(t, tz) for a timezone, must answer as the
# general tzinfo protocol does, at the ends of the range too; a tzinfo
# subclass and a datetime subclass keep the general road. timezone itself
# cannot be subclassed, as in CPython.
import datetime

timedelta, timezone, DT = datetime.timedelta, datetime.timezone, datetime.datetime
zones = [timezone.utc, timezone(timedelta(hours=5, minutes=30)),
         timezone(timedelta(hours=-8), "PST"), timezone(timedelta(hours=23, minutes=59))]

for tz in zones:
    for t in (0, 1600000000, 1600000000.25, -86400 * 365, 253402300799, -62135596800):
        try:
            v = DT.fromtimestamp(t, tz)
            print(repr(v), v.utcoffset(), v.timestamp())
        except (OverflowError, ValueError, OSError) as e:
            print(type(e).__name__, e)


class Shifty(datetime.tzinfo):
    def utcoffset(self, dt):
        return timedelta(hours=2)

    def dst(self, dt):
        return timedelta(0)


class Sub(DT):
    def __new__(cls, *args, **kwargs):
        print("Sub.__new__", args[:3])
        return super().__new__(cls, *args, **kwargs)


shifted = DT.fromtimestamp(1600000000, Shifty())
print(shifted.replace(tzinfo=None), shifted.utcoffset())
print(repr(Sub.fromtimestamp(1600000000, zones[1])))
print(DT(2020, 1, 1, tzinfo=Shifty()).utcoffset())
print(DT(2020, 1, 1, tzinfo=zones[2]).utcoffset(), DT(2020, 1, 1).utcoffset())
print(DT(2020, 1, 1, tzinfo=zones[1]) == DT(2019, 12, 31, 18, 30, tzinfo=timezone.utc))
print(hash(DT(2020, 1, 1, tzinfo=zones[1])) == hash(DT(2019, 12, 31, 18, 30, tzinfo=timezone.utc)))

try:
    class MyZone(timezone):
        pass
except TypeError as e:
    print("TypeError", e)

# Local fromtimestamp builds a plain datetime from localtime()'s fields
# directly; years past 9999 still raise, and subclasses get their own
# constructor. (Compared with time.localtime, so any TZ gives the same.)
import time

for t in (0, 1600000000, 1600000000.75, 86400 * 365 * 30 + 0.5):
    v = DT.fromtimestamp(t)
    print(type(v).__name__, v == DT(*time.localtime(int(t))[:6], v.microsecond), v.microsecond)
for t in (1e12,):
    try:
        DT.fromtimestamp(t)
        print("no error")
    except (OverflowError, ValueError, OSError) as e:
        print(type(e).__name__)
print(type(Sub.fromtimestamp(1600000000)).__name__)
