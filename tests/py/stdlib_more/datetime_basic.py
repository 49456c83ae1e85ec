# datetime: construction and validation, arithmetic, comparisons, str/repr,
# isoformat/fromisoformat, strftime/strptime, timezones, timestamps (UTC).
import datetime as dt
from datetime import date, time, datetime, timedelta, timezone


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


# timedelta
for td in (timedelta(), timedelta(1), timedelta(days=-1), timedelta(seconds=5, microseconds=3),
           timedelta(hours=25, minutes=61), timedelta(weeks=2, milliseconds=1500),
           timedelta(seconds=0.1), timedelta(days=1.5, seconds=-0.25), timedelta(microseconds=-1),
           timedelta(days=-3, hours=-4), timedelta(minutes=0.5, microseconds=0.5),
           timedelta(microseconds=1.5), timedelta(microseconds=2.5)):
    print(repr(td), str(td), td.days, td.seconds, td.microseconds, td.total_seconds())
a, b = timedelta(hours=5), timedelta(minutes=90)
print(a + b, a - b, b - a, -a, abs(-a), a * 2, 3 * b, a * 0.5, a / 4, a / b, a // b, a % b)
print(divmod(a, b), a // 7, a / 7, timedelta(1) / 3, a > b, a == timedelta(seconds=18000))
print(bool(timedelta()), bool(timedelta(microseconds=1)), hash(a) == hash(timedelta(hours=5)))
print(timedelta.min, timedelta.max, timedelta.resolution, repr(timedelta.max))
attempt(lambda: timedelta(days=10**9))
attempt(lambda: timedelta("x"))
attempt(lambda: timedelta(1) / 0)
attempt(lambda: timedelta(1) // 0)
attempt(lambda: timedelta.max + timedelta(1))

# date
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal())
print(d.isocalendar(), tuple(d.isocalendar()), d.isocalendar().week, d.ctime())
print(d + timedelta(days=1), d - timedelta(days=60), d - date(2023, 1, 1), d.replace(year=2028))
print(date.fromordinal(738000), date.fromisoformat("2021-12-31"), date.fromisoformat("20211231"),
      date.fromisoformat("2021-W52-5"), date.fromisocalendar(2020, 53, 7))
print(date(2024, 1, 1) < date(2024, 1, 2), date(2024, 1, 1) == date(2024, 1, 1), date.min, date.max)
print(d.strftime("%Y-%m-%d %a %A %b %B %j %U %W %w %y %%"), format(d, "%d/%m/%Y"), f"{d}")
print(d.timetuple())
for y in (2019, 2020, 2021, 2026):
    print([date(y, m, 1).isocalendar()[1:] for m in (1, 6, 12)], date(y, 12, 31).isocalendar())
attempt(lambda: date(0, 1, 1))
attempt(lambda: date(2024, 13, 1))
attempt(lambda: date(2023, 2, 29))
attempt(lambda: date(2024, 1.5, 1))
attempt(lambda: date.max + timedelta(1))
attempt(lambda: date.fromisoformat("2020-1-1"))
attempt(lambda: date.fromisoformat(5))
attempt(lambda: date.fromordinal(0))
attempt(lambda: date.fromisocalendar(2020, 54, 1))
attempt(lambda: date.fromisocalendar(2020, 1, 8))
attempt(lambda: date(2020, 1, 1).replace(month=13))

# time
t = time(13, 5, 9, 250)
print(t, repr(t), repr(time()), repr(time(1, 2)), repr(time(1, 2, 3)), t.hour, t.microsecond)
print(t.isoformat("hours"), t.isoformat("minutes"), t.isoformat("seconds"),
      t.isoformat("milliseconds"), t.isoformat("microseconds"))
print(time.fromisoformat("04:23:01"), time.fromisoformat("04:23:01.000384"),
      time.fromisoformat("04:23:01+04:00"), time.fromisoformat("T0423"))
print(t.strftime("%H:%M:%S.%f %I %p"), time(0) < time(1), time(12, tzinfo=timezone.utc))
print(repr(time(12, tzinfo=timezone.utc)), repr(time(1, fold=1)), t.replace(hour=1))
attempt(lambda: time(24))
attempt(lambda: time(1, 60))
attempt(lambda: time(1, 1, 60))
attempt(lambda: time(1, 1, 1, 10**6))
attempt(lambda: time(fold=2))
attempt(lambda: time(tzinfo=1))
attempt(lambda: time().isoformat("bad"))
attempt(lambda: time(1) < time(1, tzinfo=timezone.utc))

# datetime
x = datetime(2024, 3, 10, 14, 30, 15, 123456)
print(x, repr(x), repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 5)))
print(x.date(), x.time(), x.isoformat(), x.isoformat(" "), x.isoformat(timespec="seconds"))
print(x.ctime(), x.weekday(), x.timetuple())
print(x.strftime("%Y-%m-%dT%H:%M:%S.%f %c | %x | %X | %I%p"))
print(x + timedelta(days=30, hours=12), x - timedelta(weeks=52), x - datetime(2024, 1, 1))
print(datetime(2024, 12, 31, 23, 59, 59) + timedelta(seconds=1))
print(datetime.combine(date(2020, 5, 17), time(8, 30)), x.replace(hour=0, microsecond=0))
print(datetime.fromisoformat("2011-11-04"), datetime.fromisoformat("2011-11-04T00:05:23"),
      datetime.fromisoformat("2011-11-04 00:05:23.283+00:00"),
      datetime.fromisoformat("2011-11-04T00:05:23Z"), datetime.fromisoformat("20111104T000523"),
      datetime.fromisoformat("2011-11-04T00:05:23+04:00"))
print(datetime.strptime("2023-07-04 09:08:07", "%Y-%m-%d %H:%M:%S"),
      datetime.strptime("04/Jul/23 9PM", "%d/%b/%y %I%p"),
      datetime.strptime("2023-07-04T09:08:07.5+0200", "%Y-%m-%dT%H:%M:%S.%f%z"),
      datetime.strptime("March 5 2021", "%B %d %Y"))
print(x > datetime(2024, 3, 10), x == x.replace(), datetime.min, datetime.max)
print(date(2020, 1, 1) == datetime(2020, 1, 1), datetime(2020, 1, 1) == date(2020, 1, 1))
attempt(lambda: date(2020, 1, 1) < datetime(2020, 1, 1))
attempt(lambda: datetime(2020, 1, 1) < date(2020, 1, 1))
attempt(lambda: datetime.max + timedelta(1))
attempt(lambda: datetime(2020, 1, 1) - datetime(2020, 1, 1, tzinfo=timezone.utc))
attempt(lambda: datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=timezone.utc))
print(datetime(2020, 1, 1) == datetime(2020, 1, 1, tzinfo=timezone.utc))
attempt(lambda: datetime.fromisoformat("bad"))
attempt(lambda: datetime.strptime("2020", "%Y-%m"))
attempt(lambda: datetime.strptime("2020-01x", "%Y-%m"))

# time zones
utc = timezone.utc
plus530 = timezone(timedelta(hours=5, minutes=30))
named = timezone(timedelta(hours=-8), "PST")
print(repr(utc), str(utc), repr(plus530), str(plus530), repr(named), str(named))
print(timezone(timedelta(0)) is utc, dt.UTC is utc, timezone.min, timezone.max)
print(timezone(timedelta(hours=-3, minutes=-15)), timezone(timedelta(seconds=61)))
y = datetime(2024, 6, 1, 12, 0, tzinfo=utc)
print(y, repr(y), y.utcoffset(), y.tzname(), y.dst(), y.isoformat())
z = y.astimezone(plus530)
print(z, z.tzname(), z == y, z - y, hash(z) == hash(y), y.astimezone(named))
print(datetime(2024, 6, 1, 12, tzinfo=named) - y, y.strftime("%H:%M %z %Z"),
      datetime(2024, 6, 1, tzinfo=plus530).strftime("%z|%Z"))
print(datetime(2024, 1, 1, tzinfo=plus530) < datetime(2024, 1, 1, tzinfo=utc))
attempt(lambda: timezone(timedelta(hours=24)))
attempt(lambda: timezone(5))
attempt(lambda: timezone(timedelta(hours=1), 5))

# timestamps, with explicit UTC so the machine's zone does not matter
print(datetime.fromtimestamp(0, tz=utc), datetime.fromtimestamp(1700000000.5, tz=utc))
print(datetime.fromtimestamp(86400 * 365.25 * 30, timezone.utc), datetime.utcfromtimestamp(0))
print(datetime(2024, 1, 1, tzinfo=utc).timestamp(), y.timestamp(),
      datetime(1969, 12, 31, 23, 59, 59, tzinfo=utc).timestamp())
print(datetime.fromtimestamp(-1.5, tz=utc), datetime.fromtimestamp(1e9, tz=plus530))
now = datetime.now()
print(type(now).__name__, now.tzinfo, datetime.now(utc).tzinfo, type(date.today()).__name__,
      abs(datetime.now(utc) - datetime.fromtimestamp(__import__("time").time(), utc)) < timedelta(minutes=1))
print(dt.MINYEAR, dt.MAXYEAR, isinstance(x, date), issubclass(timezone, dt.tzinfo))
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]))
print({date(2020, 1, 1): "a"}[date(2020, 1, 1)], len({datetime(2020, 1, 1), datetime(2020, 1, 1, 0)}))


class Fixed(dt.tzinfo):
    def utcoffset(self, d):
        return timedelta(hours=2)

    def dst(self, d):
        return timedelta(0)

    def tzname(self, d):
        return "FIX"


w = datetime(2024, 1, 1, 10, tzinfo=Fixed())
print(w.utcoffset(), w.tzname(), w.astimezone(utc), w.isoformat())
