# The shortcuts lib/datetime.py takes for everyday calls (all-int
# constructors, same-month and same-day arithmetic, integer comparison keys,
# table-driven ordinals and text, the common fromisoformat shapes) must give
# exactly what the general paths and CPython give, including at the edges
# of the calendar, for subclasses and for arguments the shortcut declines.
from datetime import date, datetime, time, timedelta, timezone, MINYEAR, MAXYEAR


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


def kind(f):
    # Operator errors are worded by the interpreter from the type name, so
    # only the exception type is compared for those.
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__)


# Ordinals both ways across whole years at both ends of the range and
# around the century rules, summarised so the output stays short.
for start, count in ((1, 800), (693000, 1500), (730100, 800), (3652059 - 800, 801)):
    checksum = 0
    for n in range(start, start + count):
        d = date.fromordinal(n)
        assert d.toordinal() == n
        checksum = (checksum * 31 + d.year * 400 + d.month * 32 + d.day + d.weekday()) % 1000003
    print(start, count, checksum, date.fromordinal(start), date.fromordinal(start + count - 1))

# Constructors: the shortcut takes in-range ints; everything else is checked.
print(date(MINYEAR, 1, 1), date(MAXYEAR, 12, 31), date(2024, 2, 29), date(2000, 2, 29))
attempt(lambda: date(2023, 2, 29))
attempt(lambda: date(1900, 2, 29))
attempt(lambda: date(2023, 4, 31))
attempt(lambda: date(0, 1, 1))
attempt(lambda: date(10000, 1, 1))
attempt(lambda: date(2020, 0, 1))
attempt(lambda: date(2020, 1, 0))
attempt(lambda: date(2020.0, 1, 1))
attempt(lambda: date(2020, 1))
print(repr(datetime(2020, 12, 31, 23, 59, 59, 999999)), repr(datetime(1, 1, 1)))
attempt(lambda: datetime(2020, 1, 1, 24))
attempt(lambda: datetime(2020, 1, 1, 0, 60))
attempt(lambda: datetime(2020, 1, 1, 0, 0, 60))
attempt(lambda: datetime(2020, 1, 1, 0, 0, 0, 1000000))
attempt(lambda: datetime(2020, 1, 1, -1))
attempt(lambda: datetime(2020, 1, 1, fold=2))
attempt(lambda: datetime(2020, 1, 1, tzinfo=5))
attempt(lambda: datetime(2020, 2, 30, 25))
attempt(lambda: datetime(2020, 1, 1, 1.0))
print(repr(datetime(2020, 1, 1, fold=1)), repr(datetime(2020, 1, 1, 5, tzinfo=timezone.utc)))

# timedelta: the all-int sum and the exact-fraction path round alike.
print(repr(timedelta(weeks=1, days=-1, hours=25, minutes=-1, seconds=61,
                     milliseconds=1001, microseconds=-1)))
print(repr(timedelta(-1)), repr(timedelta(0, -1)), repr(timedelta(microseconds=-1)))
# (Only floats whose exact value rounds the same as CPython's double
# arithmetic: a sum such as days=0.1 plus microseconds=0.5 can differ.)
for value in (0.5, 1.5, 2.5, -0.5, -1.5, 0.4999999, 1e-7):
    print(value, repr(timedelta(microseconds=value)), repr(timedelta(seconds=value * 2)))
print(repr(timedelta(days=0.5, seconds=1, microseconds=0.5)), repr(timedelta(hours=1, minutes=0.5)))
print(repr(timedelta(999999999, 86399, 999999)), repr(timedelta(-999999999)))
attempt(lambda: timedelta(1000000000))
attempt(lambda: timedelta(999999999, 86400))
attempt(lambda: timedelta(-999999999, -1))
attempt(lambda: timedelta(days="1"))
print(timedelta(hours=-1) < timedelta(0), timedelta(1) >= timedelta(hours=24),
      timedelta(1) == timedelta(hours=24), timedelta(1) != timedelta(hours=24),
      timedelta(0) <= timedelta(microseconds=-1), timedelta(2) > timedelta(1))
print(str(timedelta(hours=-1, seconds=5)), str(timedelta(days=3, hours=10, microseconds=7)),
      str(timedelta(hours=100)))
print(hash(timedelta(1)) == hash(timedelta(hours=24)))

# date arithmetic within a month, across months, years and the range ends.
d = date(2020, 1, 15)
for days in (0, 13, 14, 16, 17, 46, 366, -14, -15, -380, 3000):
    print(days, d + timedelta(days=days), d - timedelta(days=days))
print(date(2020, 3, 1) + timedelta(hours=-1), date(2020, 3, 1) - timedelta(hours=1),
      date(2020, 3, 1) + timedelta(hours=47))
print(date.max - date.min, date(2020, 3, 1) - date(2020, 2, 1))
attempt(lambda: date.max + timedelta(1))
attempt(lambda: date.min - timedelta(1))
attempt(lambda: date.min + timedelta(-1))
print(date.min + timedelta(hours=23), date.max + timedelta(hours=23))

# datetime arithmetic: same day, next day, same month, other months,
# negative steps, and the two ends of the range.
base = datetime(2020, 2, 27, 22, 30, 15, 250000)
for step in (timedelta(hours=1), timedelta(hours=2), timedelta(days=1, hours=2),
             timedelta(days=3), timedelta(microseconds=-250001), timedelta(hours=-23),
             timedelta(days=-58), timedelta(days=400, seconds=1), timedelta(weeks=-1000),
             timedelta(microseconds=1)):
    print(step, base + step, base - step, step + base)
print(datetime.max - timedelta(microseconds=1), datetime.min + timedelta(microseconds=1))
attempt(lambda: datetime.max + timedelta(microseconds=1))
attempt(lambda: datetime.min - timedelta(microseconds=1))
attempt(lambda: datetime.max + timedelta.max)
attempt(lambda: datetime.min + timedelta.min)
print(datetime.max - datetime.min, datetime(2020, 3, 1) - datetime(2020, 2, 28, 23, 59, 59, 1))
aware = datetime(2020, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=5)))
print(aware + timedelta(hours=1), repr(aware + timedelta(hours=1)))

# Comparisons and hashes through the integer keys and the general route.
a = datetime(2020, 5, 5, 12)
b = datetime(2020, 5, 5, 12, 0, 0, 1)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == a.replace(fold=1))
print(hash(a) == hash(datetime(2020, 5, 5, 12)), hash(a) == hash(a.replace(fold=1)))
utc = datetime(2020, 5, 5, 12, tzinfo=timezone.utc)
east = datetime(2020, 5, 5, 14, tzinfo=timezone(timedelta(hours=2)))
print(utc == east, hash(utc) == hash(east), utc < east, utc <= east, utc != east)
print(a == utc, a != utc)
attempt(lambda: a < utc)
attempt(lambda: a >= utc)
print(a == date(2020, 5, 5), date(2020, 5, 5) == a, a != date(2020, 5, 5))
attempt(lambda: a < date(2020, 5, 5))
attempt(lambda: date(2020, 5, 5) < a)
print(date(2020, 5, 5) < date(2020, 5, 6), date(2020, 12, 1) > date(2020, 11, 30),
      date(2020, 5, 5) == date(2020, 5, 5), date(2019, 12, 31) >= date(2020, 1, 1),
      date(2020, 5, 5) <= date(2020, 5, 5), date(2020, 5, 5) != date(2021, 5, 5))
print(hash(date(2020, 5, 5)) == hash(date(2020, 5, 5)), date(2020, 5, 5) == "x",
      a == 5, timedelta(1) == 5)
kind(lambda: date(2020, 5, 5) < 5)
kind(lambda: a > "x")
print(sorted([datetime(2021, 1, 1), datetime(2020, 12, 31, 23), datetime(2020, 12, 31)]))
print(len({datetime(2020, 1, 1), datetime(2020, 1, 1, 0, 0), date(2020, 1, 1),
           datetime(2020, 1, 1, tzinfo=timezone.utc)}))

# Text: years below 1000, microseconds, timespec, separators, zones.
for value in (datetime(1, 1, 1), datetime(999, 9, 9, 9, 9, 9, 9), datetime(2020, 1, 2, 3, 4, 5, 60),
              datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=timezone(timedelta(hours=-3)))):
    print(value.isoformat(), str(value), value.isoformat(" ", "milliseconds"),
          value.isoformat(timespec="hours"), value.isoformat("x", "minutes"), value.date().isoformat())
attempt(lambda: datetime(2020, 1, 1).isoformat(timespec="days"))
print(date(5, 6, 7).isoformat(), str(date(2020, 10, 11)), date.max.weekday(), date.min.weekday())

# fromisoformat: the common shapes and their near misses.
for text in ("2021-03-04", "0001-01-01", "9999-12-31T23:59:59.999999", "2021-03-04 05:06:07",
             "2021-03-04T05:06:07.123456", "2021-03-04x05:06:07", "2021-03-04T05:06:07,123456",
             "2021-03-04T05:06:07.12345Z", "2021-03-04T05:06:07+02:00", "20210304",
             "2021-02-29", "2021-13-01T00:00:00", "2021-03-04T24:00:00", "2021-03-04T05:60:00",
             "\u0662021-03-04", "2021-03-04T05:06:07.12345\u0663", "+021-03-04", "2021-3-04",
             "2021-03-04T05:06:0a", "2021-03-04T05:06:07.1234567"):
    attempt(lambda: datetime.fromisoformat(text))
    attempt(lambda: date.fromisoformat(text))


# Subclasses: arithmetic and the alternative constructors call the
# subclass's constructor; replace() keeps the class without calling it.
class Loud(datetime):
    def __new__(cls, *args, **kwargs):
        print("Loud.__new__", args, kwargs)
        return super().__new__(cls, *args, **kwargs)


class LoudDate(date):
    def __new__(cls, *args, **kwargs):
        print("LoudDate.__new__", args, kwargs)
        return super().__new__(cls, *args, **kwargs)


x = Loud(2020, 1, 31, 23)
for result in (x + timedelta(hours=1), x - timedelta(days=31), timedelta(minutes=5) + x,
               x.replace(year=2021), x.replace(fold=1), Loud.fromisoformat("2021-03-04T05:06:07"),
               Loud.fromisoformat("2021-03-04"), Loud.fromordinal(5)):
    print(type(result).__name__, repr(result))
print(type(x - x).__name__, type(x - datetime(2020, 1, 1)).__name__)
y = LoudDate(2020, 1, 31)
for result in (y + timedelta(1), y - timedelta(1), y + timedelta(hours=5), y.replace(day=1),
               LoudDate.fromisoformat("2021-03-04"), LoudDate.fromordinal(3)):
    print(type(result).__name__, repr(result))


class Span(timedelta):
    pass


s = Span(hours=1)
print(type(s).__name__, repr(s), type(s + s).__name__, type(-s).__name__, type(s * 2).__name__,
      type(abs(s)).__name__, s == timedelta(hours=1), s < timedelta(hours=2))
print(type(time(1, 2).replace(hour=3)).__name__, repr(time(1, 2).replace(hour=3)))

# strftime keeps a parsed plan per format; repeated, unusual and many
# distinct formats must all read as they would the first time.
moment = datetime(2004, 1, 4, 7, 8, 9, 10)
for fmt in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M:%S", "", "plain text", "%%Y%%", "%-d/%-m %-H",
            "%a %d %b %Y", "%j %U %W %w %u %G %V", "%c|%x|%X", "%H%M%S%f", "%I %p %l %k %e"):
    print(repr(fmt), repr(moment.strftime(fmt)), repr(date(5, 6, 7).strftime(fmt)))
print([moment.strftime("%d" + "." * n) for n in range(70)][-3:], moment.strftime("%Y-%m-%d"))
print(format(moment, "%H:%M"), format(moment.date(), "%d.%m.%Y"), time(23, 5).strftime("%H %M %j"))

# Month ends reached without leaving the month, and differences of
# datetimes within one month, across months and backwards.
for start in (datetime(2021, 2, 27, 12), datetime(2020, 2, 27, 12), datetime(2020, 1, 29, 12),
              datetime(2020, 4, 29, 12), datetime(2020, 12, 30, 12)):
    print(start + timedelta(days=1), start + timedelta(days=2), start + timedelta(days=1, hours=12))
for later, earlier in ((datetime(2020, 5, 9, 1), datetime(2020, 5, 3, 23, 59, 59, 999999)),
                       (datetime(2020, 5, 3), datetime(2020, 5, 9, 1, 2, 3, 4)),
                       (datetime(2021, 1, 1), datetime(2020, 12, 31, 23)),
                       (datetime(2020, 3, 1, 0, 0, 1), datetime(2020, 2, 29, 23, 59, 59))):
    print(later - earlier, repr(earlier - later))
