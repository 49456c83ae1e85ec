# The POSIX TZ strings at the end of TZif files, which say what happens
# after the last transition: the forms of start and end dates (Mm.w.d, Jn,
# n), times (negative, over 24 h), quoted names, negative DST, and the
# errors for malformed strings. Each zone is a minimal file with no
# transitions, made here.
import datetime
import io
import struct
from zoneinfo import ZoneInfo


def tzif(footer):
    header = b'TZif2' + bytes(15) + struct.pack('>6l', 0, 0, 0, 0, 1, 4)
    body = struct.pack('>lbb', 0, 0, 0) + b'AAA\x00'
    return header + body + header + body + b'\n' + footer + b'\n'


def changes(zone, year):
    """The local hours of [year] at which tzname() changes."""
    out = []
    d = datetime.datetime(year, 1, 1)
    previous = zone.tzname(d)
    while d.year == year:
        name = zone.tzname(d)
        if name != previous:
            out.append('%s %s->%s %s' % (d.strftime('%m-%d %H:%M'), previous, name,
                                         zone.utcoffset(d)))
            previous = name
        d += datetime.timedelta(minutes=30)
    return out


FOOTERS = [
    b'EST5EDT,M3.2.0,M11.1.0', b'CET-1CEST,M3.5.0,M10.5.0/3', b'<+03>-3',
    b'<-03>3<-02>,M3.5.0/-2,M10.5.0/-1', b'IST-1GMT0,M10.5.0,M3.5.0/1',
    b'AAA0BBB,J60/0,J300/0', b'AAA0BBB,J59/0,J300/0', b'AAA0BBB,59/0,300/0',
    b'NZST-12NZDT,M9.5.0,M4.1.0/3', b'AAA3BBB2:30,M3.2.0/26,M11.1.0/-1:30',
    b'AAA-14BBB,M1.1.0/0,M12.5.6/167', b'UTC0', b'AAA+5:30:15',
]
for footer in FOOTERS:
    zone = ZoneInfo.from_file(io.BytesIO(tzif(footer)), key=footer.decode())
    print(footer.decode())
    for year in (2020, 2021):
        print('  ', year, changes(zone, year))
    for fold in (0, 1):
        d = datetime.datetime(2021, 11, 7, 1, 30, fold=fold, tzinfo=zone)
        print('   fold', fold, d.utcoffset(), d.dst(), d.tzname())
    u = datetime.datetime(2021, 11, 7, 6, 15, tzinfo=datetime.timezone.utc).astimezone(zone)
    print('   fromutc', u, u.fold)

BAD = [b'', b'5', b'EST', b'EST5EDT', b'EST5EDT,M3.2.0', b'EST5,M3.2.0,M11.1.0',
       b'EST25', b'EST5EDT25,M3.2.0,M11.1.0', b'EST5EDT,M13.2.0,M11.1.0',
       b'EST5EDT,M3.6.0,M11.1.0', b'EST5EDT,M3.2.7,M11.1.0', b'EST5EDT,J0,J365',
       b'EST5EDT,366,J365', b'EST5EDT,M3.2.0/168,M11.1.0', b'EST5EDT,M3.2.0/x,M11.1.0',
       b'<AB>5', b'<A B>5', b'EST5:3', b'EST5EDT,M3.2x0,M11.1.0']
for footer in BAD:
    try:
        zone = ZoneInfo.from_file(io.BytesIO(tzif(footer)))
        print(footer, 'ok', zone.utcoffset(datetime.datetime(2021, 6, 1)),
              zone.tzname(datetime.datetime(2021, 6, 1)))
    except ValueError as e:
        cause = e.__cause__
        print(footer, 'ValueError:', e, '|', cause if cause is None else
              '%s: %s' % (type(cause).__name__, cause))
for data in (b'', b'TZi', b'TZif2' + bytes(10), b'XXXX' + bytes(60)):
    try:
        ZoneInfo.from_file(io.BytesIO(data))
    except Exception as e:
        print(len(data), type(e).__name__)
