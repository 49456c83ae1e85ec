# date and datetime as the C types of _datetime: the calendar at its edges,
# argument checking, arithmetic (and what class its results have), hashing
# of equal values with and without tzinfo, comparisons across kinds, the
# ISO text both ways, and the Python methods added to the C types.
from datetime import date, datetime, timedelta, timezone, tzinfo, MINYEAR, MAXYEAR
import copy
import pickle


def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as exc:
        print(label, type(exc).__name__, exc)


# The calendar: ordinals both ways around leap days and 400-year cycles.
for y, m, d in [(1, 1, 1), (1, 12, 31), (4, 2, 29), (100, 3, 1), (400, 12, 31), (401, 1, 1),
                (1600, 2, 29), (1700, 3, 1), (1900, 2, 28), (2000, 2, 29), (2000, 12, 31),
                (2001, 1, 1), (2024, 2, 29), (9999, 12, 31)]:
    day = date(y, m, d)
    n = day.toordinal()
    print(day, n, date.fromordinal(n), day.weekday(), day.isoweekday(), day.isocalendar())
checked = 0
for n in range(1, 3652060, 997):
    back = date.fromordinal(n)
    assert back.toordinal() == n, n
    checked += 1
for n in range(146000, 146200):
    assert date.fromordinal(n).toordinal() == n, n
print('ordinals checked', checked)
attempt('fromordinal 0', lambda: date.fromordinal(0))
attempt('fromordinal max+1', lambda: date.fromordinal(3652060))
attempt('fromordinal huge', lambda: date.fromordinal(10**12))
attempt('fromordinal float', lambda: date.fromordinal(1.0))

# Constructor checks and their messages.
for args in [(0, 1, 1), (10000, 1, 1), (2020, 0, 1), (2020, 13, 1), (2020, 1, 0),
             (2020, 1, 32), (2019, 2, 29), (2020, 2, 30), (2020, 4, 31)]:
    attempt('date%r' % (args,), lambda: date(*args))
attempt('date str', lambda: date('2020', 1, 1))
attempt('date float', lambda: date(2020, 1.0, 1))
attempt('date missing', lambda: date(2020, 1))
attempt('date kw', lambda: date(year=2020, month=2, day=29))
attempt('date bool', lambda: date(2020, True, True))
attempt('datetime hour', lambda: datetime(2020, 1, 1, 24))
attempt('datetime minute', lambda: datetime(2020, 1, 1, 0, 60))
attempt('datetime second', lambda: datetime(2020, 1, 1, 0, 0, 60))
attempt('datetime us', lambda: datetime(2020, 1, 1, 0, 0, 0, 1000000))
attempt('datetime neg', lambda: datetime(2020, 1, 1, -1))
attempt('datetime fold', lambda: datetime(2020, 1, 1, fold=2))
attempt('datetime tz', lambda: datetime(2020, 1, 1, tzinfo=5))
attempt('datetime day', lambda: datetime(2021, 2, 29))
attempt('datetime kw', lambda: datetime(2020, 5, 6, minute=7, tzinfo=timezone.utc, fold=1))
print(date.min, date.max, date.resolution, datetime.min, datetime.max, datetime.resolution)

# Arithmetic and its limits.
print(date(2020, 1, 31) + timedelta(days=1), timedelta(days=30) + date(2020, 2, 1))
print(date(2020, 3, 1) - timedelta(days=1), date(2020, 3, 1) - date(2019, 3, 1))
print(date(2020, 1, 1) + timedelta(hours=47), date(2020, 1, 1) - timedelta(hours=1))
attempt('date over', lambda: date.max + timedelta(days=1))
attempt('date under', lambda: date.min - timedelta(days=1))
attempt('date + int', lambda: date(2020, 1, 1) + 1)
attempt('date - datetime', lambda: date(2020, 1, 1) - datetime(2020, 1, 1))
attempt('datetime - date', lambda: datetime(2020, 1, 1) - date(2020, 1, 1))
d = datetime(2020, 1, 31, 23, 59, 59, 999999)
print(d + timedelta(microseconds=1), d - timedelta(days=31), d + timedelta(days=-1, hours=1))
print(repr(d - datetime(2019, 12, 31)), repr(datetime(2019, 12, 31) - d))
attempt('datetime over', lambda: datetime.max + timedelta(microseconds=1))
attempt('datetime under', lambda: datetime.min - timedelta(microseconds=1))
attempt('datetime far', lambda: datetime(2020, 1, 1) + timedelta.max)

# Comparisons across kinds.
day, moment = date(2020, 1, 1), datetime(2020, 1, 1)
print(day == moment, day != moment, moment == day, day == 'x', moment != 3)
attempt('date < datetime', lambda: day < moment)
attempt('datetime < date', lambda: moment < day)
attempt('date < int', lambda: day < 1)
print(day.__eq__(moment), day.__lt__(5), moment.__eq__(day), moment.__le__(None))
print(date(2020, 1, 2) > day, date(2019, 12, 31) < day, date(2020, 1, 1) <= day)
utc = timezone.utc
plus2 = timezone(timedelta(hours=2))
aware = datetime(2020, 1, 1, 12, tzinfo=utc)
same = datetime(2020, 1, 1, 14, tzinfo=plus2)
print(aware == same, aware < same, aware <= same, hash(aware) == hash(same))
print(aware == moment, aware != moment, repr(aware - same), repr(same - aware))
attempt('naive < aware', lambda: moment < aware)
attempt('naive - aware', lambda: moment - aware)
print(hash(datetime(2020, 1, 1, 0, 0, 0)) == hash(datetime(2020, 1, 1)), hash(day) == hash(date(2020, 1, 1)))
print(len({day, date(2020, 1, 1), moment, datetime(2020, 1, 1), aware, same}))
print(datetime(2020, 1, 1, fold=1) == datetime(2020, 1, 1), hash(datetime(2020, 1, 1, fold=1)) == hash(datetime(2020, 1, 1)))


class Fixed(tzinfo):
    def __init__(self, minutes):
        self.minutes = minutes

    def utcoffset(self, dt):
        return timedelta(minutes=self.minutes)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return 'F%d' % self.minutes


class Vague(tzinfo):
    def utcoffset(self, dt):
        return None


vague = datetime(2021, 6, 1, 10, tzinfo=Vague())
print(vague == datetime(2021, 6, 1, 10), hash(vague) == hash(datetime(2021, 6, 1, 10)), vague < datetime(2022, 1, 1))
print(repr(vague - datetime(2021, 6, 1)), len({vague, datetime(2021, 6, 1, 10)}))

a = datetime(2021, 6, 1, 10, tzinfo=Fixed(60))
b = datetime(2021, 6, 1, 9, tzinfo=Fixed(0))
print(a == b, hash(a) == hash(b), a - b, a + timedelta(hours=1), repr(a.tzinfo.minutes))
print(a.isoformat(), str(a), a.isoformat(sep=' ', timespec='minutes'), a.tzname())

# Text both ways.
print(repr(date(5, 6, 7)), str(date(5, 6, 7)), date(5, 6, 7).isoformat())
for dt in [datetime(2020, 1, 2), datetime(2020, 1, 2, 3), datetime(2020, 1, 2, 3, 4, 5),
           datetime(2020, 1, 2, 3, 4, 5, 6), datetime(99, 1, 2, 0, 0, 0, 500000, fold=1),
           datetime(2020, 1, 2, tzinfo=utc)]:
    print(repr(dt), str(dt), dt.isoformat(), dt.isoformat('_'), dt.isoformat(timespec='seconds'))
attempt('isoformat sep', lambda: datetime(2020, 1, 1).isoformat('ab'))
attempt('isoformat spec', lambda: datetime(2020, 1, 1).isoformat(timespec='days'))
for text in ['2021-03-04', '2021-03-04T05:06:07', '2021-03-04 05:06:07.123456',
             '2021-03-04T05:06:07+02:00', '2021-03-04T05:06:07-00:30', '2021-03-04T05:06:07+00:00',
             '2021-03-04T05:06', '2021-03-04T05:06:07.123', '20210304', '2021-02-30',
             '2021-03-04T25:06:07', '2021-03-04X05:06:07', '2021-03-04T05:06:07+24:00', 'nonsense']:
    attempt('dt ' + text, lambda: datetime.fromisoformat(text))
for text in ['2021-03-04', '0001-01-01', '2021-02-29', '2021-13-01', '2021-3-4', '20210304', '２０２１-03-04']:
    attempt('date ' + text, lambda: date.fromisoformat(text))
attempt('date iso int', lambda: date.fromisoformat(20210304))

# replace.
print(repr(d.replace(year=2024, month=2, day=29)), repr(aware.replace(tzinfo=None)), repr(moment.replace(tzinfo=utc)))
print(repr(date(2020, 2, 29).replace(year=2024)), repr(d.replace(fold=1)), repr(d.replace()))
attempt('replace bad', lambda: date(2020, 2, 29).replace(year=2021))
attempt('replace hour', lambda: d.replace(hour=25))


# Subclasses: attributes, __new__, results of arithmetic through the class.
class Day(date):
    kind = 'day'

    def next(self):
        return self + timedelta(days=1)


x = Day(2020, 2, 28)
x.note = 'n'
print(repr(x), x.note, x.kind, repr(x.next()), type(x + timedelta(1)).__name__, type(x - timedelta(1)).__name__)
print(type(x.replace(day=1)).__name__, type(Day.fromordinal(5)).__name__, type(Day.fromisoformat('2020-01-01')).__name__)
print(x == date(2020, 2, 28), hash(x) == hash(date(2020, 2, 28)), repr(x - date(2020, 1, 1)))


class Stamp(datetime):
    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls, *args, **kwargs)
        self.made = True
        return self


s = Stamp(2020, 1, 1, 12)
t = s + timedelta(hours=1)
print(repr(s), repr(t), type(t).__name__, t.made, type(s.replace(hour=1)).__name__, s.made)
print(type(Stamp.fromisoformat('2020-01-01T00:00:00')).__name__, type(Stamp.fromtimestamp(0, utc)).__name__)
print(repr(t - s), s == datetime(2020, 1, 1, 12), isinstance(s, date))

# Pickling and copying keep class and fields.
for value in [date(2020, 5, 17), datetime(2020, 5, 17, 1, 2, 3, 4), aware,
              datetime(2020, 5, 17, fold=1), Day(2021, 1, 1)]:
    back = pickle.loads(pickle.dumps(value))
    print(repr(back), back == value, type(copy.copy(value)).__name__, copy.deepcopy(value) == value)
attempt('setattr', lambda: setattr(date(2020, 1, 1), 'year', 3))
attempt('setattr new', lambda: setattr(date(2020, 1, 1), 'other', 3))
print(datetime(2020, 1, 1, 5, 6, 7, 8).date(), datetime(2020, 1, 1, 5, 6, 7, 8).time(), datetime.combine(date(2020, 1, 1), datetime(1, 1, 1, 3).time()))
print(datetime(2020, 1, 1, 12, tzinfo=utc).timestamp(), datetime.fromtimestamp(86400 * 365, utc), datetime.utcfromtimestamp(1.5))
print(format(date(2020, 1, 2), '%d/%m'), format(datetime(2020, 1, 2, 3), ''), date(2020, 1, 2).strftime('%A'))

# POSIX timestamps: fixed zones are exact; local time round-trips.
for stamp in [0, 1.5, -1.5, 1600000000.4999995, 1600000000.9999996, 1e9 + 0.25, 253402300799]:
    for zone in [utc, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30), 'X')]:
        attempt('%r %r' % (stamp, zone), lambda: (datetime.fromtimestamp(stamp, zone),
                                                 datetime.fromtimestamp(stamp, zone).timestamp()))
    if abs(stamp) < 2**32:
        local = datetime.fromtimestamp(stamp)
        print('local', stamp, local.timestamp() == round(stamp, 6), local.tzinfo)
for bad in [float('nan'), float('inf'), 'x', 1e20, 10**20]:
    attempt('fromtimestamp %r' % (bad,), lambda: datetime.fromtimestamp(bad))
attempt('fromtimestamp tz', lambda: datetime.fromtimestamp(0, 5))
print(datetime.fromtimestamp(tz=utc, timestamp=7), datetime.fromtimestamp(True, utc))
print(type(Stamp.now()).__name__, type(Stamp.fromtimestamp(5)).__name__, datetime.now(utc).tzinfo)
print(datetime(1, 1, 1, tzinfo=utc).timestamp(), datetime(9999, 12, 31, tzinfo=timezone(timedelta(hours=-3))).timestamp())
