# zoneinfo's API: the per-key cache, no_cache, from_file, clear_cache,
# str/repr, pickling, key checks, TZPATH, time objects, the fold.
import datetime
import io
import os
import pickle
import zoneinfo
from zoneinfo import ZoneInfo

# The system's database by default; the copies in tzdata/ from here on.
print(zoneinfo.TZPATH[0], all(os.path.isabs(p) for p in zoneinfo.TZPATH))
HERE = os.path.dirname(os.path.abspath(__file__))
TZDATA = os.path.join(HERE, 'tzdata')
zoneinfo.reset_tzpath(to=[TZDATA])

ny = ZoneInfo('America/New_York')
print(repr(ny), str(ny), ny.key, ny is ZoneInfo('America/New_York'))
fresh = ZoneInfo.no_cache('America/New_York')
print(fresh is ny, fresh.key, repr(fresh))
print(pickle.loads(pickle.dumps(ny)) is ny, pickle.loads(pickle.dumps(fresh)) is fresh)
ZoneInfo.clear_cache(only_keys=['America/New_York'])
print(ZoneInfo('America/New_York') is ny)
ZoneInfo.clear_cache()


class Sub(ZoneInfo):
    pass


print(repr(Sub('UTC')), Sub('UTC') is ZoneInfo('UTC'), Sub('UTC') is Sub('UTC'))
with open(os.path.join(TZDATA, 'Europe/Paris'), 'rb') as f:
    paris = ZoneInfo.from_file(f)
print(paris.key, repr(paris).startswith("zoneinfo.ZoneInfo.from_file(<_io.BufferedReader"))
named = ZoneInfo.from_file(io.BytesIO(open(os.path.join(TZDATA, 'Asia/Tokyo'), 'rb').read()),
                           key='Tokyo')
print(str(named), repr(named), named.utcoffset(datetime.datetime(2020, 1, 1)))
for zone in (paris, named):
    try:
        pickle.dumps(zone)
    except pickle.PicklingError as e:
        print('PicklingError:', e)

for key in ('Nope/Zone', '../etc/passwd', '/etc/localtime', '', 'a//b', 'Europe/../UTC'):
    try:
        ZoneInfo(key)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError) as e:
        print(type(e).__name__, repr(str(e)), isinstance(e, KeyError))

print(zoneinfo.TZPATH == (TZDATA,), sorted(zoneinfo.available_timezones())[:4])
for bad in ('/usr/share/zoneinfo', ['relative/dir']):
    try:
        zoneinfo.reset_tzpath(to=bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
zoneinfo.reset_tzpath(to=['/nonexistent'])
print(zoneinfo.TZPATH)
try:
    ZoneInfo.no_cache('Europe/Paris')
except zoneinfo.ZoneInfoNotFoundError as e:
    print('not found:', e)
zoneinfo.reset_tzpath(to=[TZDATA])

# utcoffset() with None: a value only for zones that never change.
utc = ZoneInfo('UTC')
print(utc.utcoffset(None), utc.tzname(None), ny.utcoffset(None), ny.dst(None))
print(datetime.time(12, tzinfo=utc).utcoffset(), datetime.time(12, tzinfo=ny).tzname())

# The gap and the repeated hour of 2021 in New York.
for wall in (datetime.datetime(2021, 3, 14, 2, 30), datetime.datetime(2021, 11, 7, 1, 30)):
    for fold in (0, 1):
        d = wall.replace(tzinfo=ny, fold=fold)
        print(d, fold, d.utcoffset(), d.dst(), d.tzname(), d.astimezone(datetime.timezone.utc))
start = datetime.datetime(2021, 11, 7, 4, 30, tzinfo=datetime.timezone.utc)
for k in range(5):
    local = (start + datetime.timedelta(minutes=30 * k)).astimezone(ny)
    print(local, local.fold, local.tzname())
print(datetime.datetime.fromtimestamp(1636263000, ny), datetime.datetime(2021, 7, 1, tzinfo=ny).timestamp())
try:
    ny.fromutc(datetime.datetime(2021, 1, 1))
except ValueError as e:
    print('ValueError:', e)
try:
    ny.fromutc('2021')
except TypeError as e:
    print('TypeError:', e)
