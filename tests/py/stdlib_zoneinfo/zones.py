# The zones of tzdata/ (copies of the database's files, see its README,
# chosen for their odd rules: negative and two-hour DST, half-hour DST,
# a skipped day, offsets in seconds): utcoffset/dst/tzname for both folds
# of local times, and UTC -> local conversion (fold included), at random
# instants, around each zone's first and last transitions, and through
# three years its footer's rule covers. One digest per zone, and a few rows
# in full.
import datetime
import hashlib
import os
import random
import struct
import zoneinfo
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
zoneinfo.reset_tzpath(to=[os.path.join(HERE, 'tzdata')])

UTC = datetime.timezone.utc
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)


def transitions(key):
    with open(os.path.join(HERE, 'tzdata', key), 'rb') as f:
        data = f.read()
    count = struct.unpack('>l', data[32:36])[0]
    return struct.unpack('>%dl' % count, data[44:44 + 4 * count])


def rows(key, rng):
    zone = ZoneInfo(key)
    stamps = [rng.randint(-4_000_000_000, 6_000_000_000) for _ in range(20)]
    trans = transitions(key)
    for t in trans[:3] + trans[-12:]:
        stamps += [t - 1, t, t + 1800, t + 3599, t + 3600, t + 7199, t + 7200]
    for year in (2030, 2061, 2200):
        base = int((datetime.datetime(year, 1, 1, tzinfo=UTC) - EPOCH).total_seconds())
        stamps += [base + 900 * k for k in range(0, 365 * 96, 7)]
    for s in stamps:
        local = (EPOCH + datetime.timedelta(seconds=s)).astimezone(zone)
        wall = local.replace(tzinfo=None)
        row = [str(local), local.fold, local.tzname(), local.dst()]
        for fold in (0, 1):
            d = wall.replace(fold=fold, tzinfo=zone)
            row += [d.utcoffset(), d.dst(), d.tzname()]
        yield ' '.join(map(str, row))


rng = random.Random(11)
keys = sorted(zoneinfo.available_timezones())
print(keys)
for key in keys:
    lines = list(rows(key, rng))
    print(key, len(lines), hashlib.sha256('\n'.join(lines).encode()).hexdigest()[:16])
    if key in ('Antarctica/Troll', 'Europe/Dublin', 'Pacific/Apia'):
        print('  ' + '\n  '.join(lines[20:32]))
