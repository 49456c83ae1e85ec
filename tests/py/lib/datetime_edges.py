# datetime edge cases beyond stdlib_more/datetime_basic: reprs of every
# shape, mixed-type operators and their error messages, subclasses, copy,
# isoformat/fromisoformat corners, tzinfo hooks and replace().
import copy
from datetime import date, time, datetime, timedelta, timezone, tzinfo


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


# timedelta reprs, normalisation and strings
for args in ((0, 0, 1), (0, 1), (1,), (-1, 0, 1), (0, -1), (0, 0, -1), (3, 86399, 999999),
             (-5, 3), (0, 86400 * 3 + 7), (999999999,), (-999999999,)):
    td = timedelta(*args)
    print(repr(td), str(td))
print(timedelta(hours=-1.5), timedelta(milliseconds=-0.5), timedelta(microseconds=0.5),
      timedelta(weeks=0.1), timedelta(days=1e-6), timedelta(seconds=1e-7))
print(timedelta(1) * 1.5, timedelta(seconds=1) * (1 / 3), timedelta(seconds=1) / 3.0,
      timedelta(seconds=10) // timedelta(seconds=3), timedelta(seconds=-10) // 3,
      timedelta(seconds=-10) % timedelta(seconds=3), timedelta(microseconds=5) / 2)
print(timedelta(seconds=7).total_seconds(), timedelta(days=-1, microseconds=1).total_seconds())
print(timedelta(1) == 1, timedelta(1) != "x", timedelta(0) == timedelta())
attempt(lambda: -timedelta.max)
kind(lambda: timedelta(1) < 1)
kind(lambda: timedelta(1) + 1)
kind(lambda: 1 - timedelta(1))
kind(lambda: timedelta(1) * "a")
kind(lambda: timedelta(1) / "a")
kind(lambda: timedelta(1) % 2)
attempt(lambda: timedelta(1) * float("nan"))
attempt(lambda: timedelta(seconds=float("inf")))
attempt(lambda: timedelta(days=-10**9))
attempt(lambda: timedelta.min - timedelta(microseconds=1))
attempt(lambda: timedelta(weeks="1"))
kind(lambda: timedelta(x=1))
print(timedelta(days=True), timedelta(seconds=7.0) == timedelta(seconds=7))
print(sorted([timedelta(2), timedelta(-1), timedelta(0, 5)]))

# dates
print(repr(date(1, 1, 1)), repr(date(9999, 12, 31)), date(2000, 1, 1).ctime())
print(date(2021, 1, 3).isocalendar(), repr(date(2021, 1, 3).isocalendar()))
print(date(2004, 12, 31).strftime("%G-W%V-%u %C %e|%D|%F|%n|%t|%h|%y"))
print(date(1900, 3, 1).toordinal(), date.fromordinal(1), date.fromordinal(3652059))
print(date(2024, 3, 1) - date(2023, 3, 1), date(2000, 1, 1) - timedelta(days=0.99),
      date(2000, 1, 1) + timedelta(hours=47))
print(date(2020, 1, 1) == "2020-01-01", date(2020, 1, 1) != None, format(date(2020, 1, 1), ""))
kind(lambda: date(2020, 1, 1) < "2020")
kind(lambda: date(2020, 1, 1) + 1)
kind(lambda: date(2020, 1, 1) - 1)
attempt(lambda: date(10000, 1, 1))
attempt(lambda: date(2020, 0, 1))
attempt(lambda: date(2020, 4, 31))
attempt(lambda: date("2020", 1, 1))
attempt(lambda: date(2020))
attempt(lambda: date.min - timedelta(1))
attempt(lambda: date.fromordinal(3652060))
for s in ("2020-02-30", "2020-13-01", "2020/01/01", "", "2020-01-01T00:00", "2020-W53-1", "2021-W53-1",
          "2020W011", "2020-001", "99999-01-01", "2020-01"):
    attempt(lambda: date.fromisoformat(s))
attempt(lambda: date.fromisocalendar(0, 1, 1))
attempt(lambda: date.fromisocalendar(2021, 53, 1))
attempt(lambda: date.fromisocalendar("2020", 1, 1))
print(date.fromisocalendar(2015, 53, 7), date.fromisocalendar(2021, 1, 1),
      date.fromisocalendar(9999, 52, 5))
print(date(2020, 5, 6).replace(), date(2020, 5, 6).replace(day=31), date.fromtimestamp(0) >= date(1969, 12, 31))

# times
for t in (time(), time(0, 0, 0, 1), time(23, 59, 59, 999999), time(5, 6, 7, 8000),
          time(1, tzinfo=timezone(timedelta(hours=-2)))):
    print(repr(t), str(t), t.isoformat(timespec="milliseconds"), bool(t))
print(time(1, 2, 3, 4).replace(microsecond=0), time(1).replace(tzinfo=timezone.utc).utcoffset())
print(time(12) == time(12, tzinfo=timezone.utc), time(12) == "12:00", hash(time(3)) == hash(time(3, fold=1)))
print(time(13, tzinfo=timezone(timedelta(hours=1))) == time(12, tzinfo=timezone.utc))
print(time(13, tzinfo=timezone(timedelta(hours=1))) < time(12, 30, tzinfo=timezone.utc))
print(format(time(1, 2), ""), format(time(1, 2), "%H-%M"), time(1).tzname(), time(1).dst())
for s in ("24:00", "12:3", "12:30:60", "1230.5", "12:30:00.1234567", "12:30:00+25:00", "x",
          "12:30:00,5", "12:30:00.123", "12:30:00-05:30", "123000Z", "12:30:00+01:02:03"):
    attempt(lambda: time.fromisoformat(s))
attempt(lambda: time(-1))
attempt(lambda: time("1"))
kind(lambda: time(1) < 1)
attempt(lambda: time(1).strftime(5))

# datetimes
x = datetime(2001, 2, 3, 4, 5, 6, 7000, tzinfo=timezone(timedelta(hours=-5), "EST"))
print(repr(x), str(x), x.isoformat(timespec="hours"), x.isoformat("_", "milliseconds"))
print(x.utctimetuple(), x.timetz(), repr(x.timetz()), x.time(), x.date(), x.dst(), x.tzname())
print(x.replace(tzinfo=None), repr(x.replace(fold=1)), x.replace(tzinfo=timezone.utc) - x)
print(repr(datetime(2020, 1, 1, 0, 0, 0, 5)), repr(datetime(2020, 1, 1, 0, 0, 5)),
      repr(datetime(2020, 1, 1, 0, 5)), repr(datetime(2020, 1, 1, tzinfo=timezone.utc)))
print(datetime.combine(date(2020, 1, 1), time(1, tzinfo=timezone.utc)),
      datetime.combine(date(2020, 1, 1), time(1, tzinfo=timezone.utc), tzinfo=None),
      datetime.combine(datetime(2020, 1, 1, 9), time(2)))
print(datetime(2020, 1, 1) == date(2020, 1, 1), datetime(2020, 1, 1) != date(2020, 1, 1))
print(datetime(2020, 3, 1) - timedelta(microseconds=1), datetime(2020, 1, 1) - datetime(2021, 1, 1, 0, 0, 0, 1))
print(format(datetime(2020, 1, 2, 3), ""), format(datetime(2020, 1, 2, 3), "%j %H"))
for s in ("2020-01-01T24:00", "2020-01-01T12:00:00.5+05:00", "2020-01-01 12", "2020-01-01T1",
          "2020-01-01T12:00:00+00:00:30", "2020-01-01X12:00", "2020-01-01T12:00:00-00:00",
          "2020-001T12:00", "2020-W01-1T01:02:03Z", "2020-01-01T12:30:45.123456789"):
    attempt(lambda: datetime.fromisoformat(s))
attempt(lambda: datetime(2020, 1, 1, 25))
attempt(lambda: datetime(2020, 1, 1, tzinfo="utc"))
kind(lambda: datetime(2020, 1, 1) + datetime(2020, 1, 1))
kind(lambda: datetime(2020, 1, 1) - 1)
attempt(lambda: datetime.combine(1, time()))
attempt(lambda: datetime.strptime("12", "%Q"))
attempt(lambda: datetime.strptime(5, "%Y"))
print(datetime.strptime("1999 365", "%Y %j"), datetime.strptime("12:34:56 AM", "%I:%M:%S %p"),
      datetime.strptime("Mon Jan  2 03:04:05 2006", "%a %b %d %H:%M:%S %Y"),
      datetime.strptime("2020-01-01 +05:30", "%Y-%m-%d %z"), datetime.strptime("%2020", "%%%Y"),
      datetime.strptime("2020-01-01 Z", "%Y-%m-%d %z"), datetime.strptime("7", "%d"))
print(datetime(2020, 1, 1, 12, tzinfo=timezone.utc).astimezone(timezone(timedelta(hours=14))))
print(datetime.fromtimestamp(1.9999999, timezone.utc), datetime.fromtimestamp(-0.0000005, timezone.utc))
print(datetime(2038, 1, 19, 3, 14, 8, tzinfo=timezone.utc).timestamp(), datetime.max.replace(tzinfo=timezone.utc).timestamp())
attempt(lambda: datetime(2020, 1, 1, tzinfo=timezone.utc).astimezone(5))

# timezone objects
for tz in (timezone(timedelta(0)), timezone(timedelta(0), "Z"), timezone(timedelta(hours=1, microseconds=5)),
           timezone(-timedelta(seconds=1)), timezone(timedelta(hours=23, minutes=59))):
    print(repr(tz), str(tz), tz.utcoffset(None), tz.dst(None), tz.tzname(None))
print(timezone(timedelta(hours=1)) == timezone(timedelta(hours=1), "X"), timezone.utc == 0)
print(hash(timezone(timedelta(hours=1))) == hash(timezone(timedelta(hours=1), "Y")))
print(timezone.utc.fromutc(datetime(2020, 1, 1, tzinfo=timezone.utc)))
tz3 = timezone(timedelta(hours=3))
print(tz3.fromutc(datetime(2020, 1, 1, tzinfo=tz3)))
attempt(lambda: tz3.fromutc(datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=3)))))
attempt(lambda: timezone.utc.fromutc(datetime(2020, 1, 1)))
attempt(lambda: timezone.utc.fromutc(date(2020, 1, 1)))
attempt(lambda: timezone.utc.utcoffset(5))
attempt(lambda: timezone(timedelta(hours=-24)))
attempt(lambda: timezone(timedelta(hours=1), name=None))
attempt(lambda: tzinfo().utcoffset(None))


class Bad(tzinfo):
    def utcoffset(self, d):
        return 5


class Big(tzinfo):
    def utcoffset(self, d):
        return timedelta(days=1)


class NoneTz(tzinfo):
    def utcoffset(self, d):
        return None


attempt(lambda: datetime(2020, 1, 1, tzinfo=Bad()).utcoffset())
attempt(lambda: datetime(2020, 1, 1, tzinfo=Big()).utcoffset())
print(datetime(2020, 1, 1, tzinfo=NoneTz()).utcoffset(), datetime(2020, 1, 1, tzinfo=NoneTz()).isoformat())
print(datetime(2020, 1, 1, tzinfo=NoneTz()) == datetime(2020, 1, 1))


# subclasses keep their type through the constructors and arithmetic
class MyDate(date):
    pass


class MyDT(datetime):
    def __repr__(self):
        return "MyDT<" + self.isoformat() + ">"


md = MyDate(2020, 1, 1)
print(type(md + timedelta(1)).__name__, type(MyDate.fromordinal(5)).__name__, type(md.replace(day=2)).__name__,
      repr(md), type(MyDate.fromisoformat("2020-01-01")).__name__)
m = MyDT(2020, 1, 1, 5)
print(repr(m), type(m + timedelta(1)).__name__, type(MyDT.fromisoformat("2020-01-01")).__name__,
      type(MyDT.combine(date(2020, 1, 1), time())).__name__, type(m.replace(hour=1)).__name__,
      type(MyDT.strptime("2020", "%Y")).__name__, type(MyDT.fromtimestamp(0, timezone.utc)).__name__)

# copies and hashing
for obj in (timedelta(3, 4, 5), date(2020, 1, 2), time(1, 2, tzinfo=timezone.utc), x, timezone.utc):
    c = copy.copy(obj)
    dc = copy.deepcopy(obj)
    print(c == obj, dc == obj, type(dc).__name__)
print(len({datetime(2020, 1, 1, 12, tzinfo=timezone.utc), datetime(2020, 1, 1, 13, tzinfo=timezone(timedelta(hours=1)))}))
print(hash(timedelta(0)) == hash(timedelta()))
try:
    date(2020, 1, 1).year = 5
except AttributeError:
    print("read-only year")
