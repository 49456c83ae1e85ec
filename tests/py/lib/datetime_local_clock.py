# Naive datetimes stand for local time: timestamp() and astimezone() must
# find the instant the local clock showed, including where the clock
# repeats an hour (fold picks the first or second pass) and where it skips
# one (fold picks the offset from before or after the change).  The zones
# are POSIX TZ rules, which the C library reads without zone files.
import os
import time
from datetime import datetime, timedelta, timezone

for rule in ("EST5EDT,M3.2.0,M11.1.0", "AEST-10AEDT,M10.1.0,M4.1.0/3", "UTC0",
             "<+0530>-5:30", "LHST-10:30LHDT-11,M10.1.0,M4.1.0"):
    os.environ["TZ"] = rule
    time.tzset()
    print(rule)
    for fields in ((2021, 11, 7, 1, 30), (2021, 11, 7, 0, 59, 59), (2021, 11, 7, 2, 0),
                   (2021, 3, 14, 2, 30), (2021, 3, 14, 1, 59), (2021, 3, 14, 3, 0),
                   (2021, 4, 4, 2, 30), (2021, 10, 3, 2, 30), (2021, 4, 4, 1, 45),
                   (2021, 10, 3, 2, 15), (2021, 7, 1, 12), (1970, 1, 1), (2038, 1, 19, 3, 14, 8)):
        for fold in (0, 1):
            moment = datetime(*fields, fold=fold)
            stamp = moment.timestamp()
            print(" ", moment, fold, stamp, datetime.fromtimestamp(stamp),
                  moment.astimezone().isoformat(), moment.astimezone(timezone.utc))
    start = datetime(2021, 3, 13, 23, 30)
    print(" ", [str(datetime.fromtimestamp(start.timestamp() + 1800 * n)) for n in range(8)])
    print(" ", datetime.fromtimestamp(0), datetime.fromtimestamp(1e9 + 0.5),
          datetime.fromtimestamp(-1.25), datetime.fromtimestamp(86399.9999995))
