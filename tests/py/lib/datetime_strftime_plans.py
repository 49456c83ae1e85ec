# strftime for every directive, padded and unpadded, on dates, datetimes
# and times: each format is first formatted through its compiled plan (the
# one-f-string function of lib/_datetime_text.py) where it has one, and
# through the general loop otherwise; both must give CPython's text. The
# literal texts check the quoting of what the compiled f-string embeds.
import datetime
codes = "dmyYCHIMSfjwuUWVGeklaAbBpPzZnt%qQ"
vals = [datetime.datetime(2021, 3, 4, 5, 6, 7, 890), datetime.datetime(1999, 12, 31, 23, 59, 59),
        datetime.datetime(2000, 1, 1, 0, 0), datetime.datetime(5, 2, 3, 12, 0, 0, 1),
        datetime.datetime(2021, 3, 4, 15, 6, 7, tzinfo=datetime.timezone.utc),
        datetime.date(2024, 2, 29), datetime.time(13, 5, 9, 12)]
fmts = ["%" + c for c in codes] + ["%-" + c for c in "dmHMSjI"] + [
    "%Y-%m-%d %H:%M:%S", "%a %d %b %Y", "{%Y} \"q\" 'x' \\ é %", "%%Y %n%t|", "%c", "%x %X",
    "%D %T %R %r %F %h", "100% %H", "", "plain", "%A %B %j %w %p %I %y %e %k %l %f"]
for v in vals:
    for f in fmts:
        try:
            print(repr(f), repr(v.strftime(f)))
        except Exception as e:
            print(repr(f), type(e).__name__)
# A format used twice takes its cached plan the second time.
d = vals[0]
print(d.strftime("%Y|%m") == d.strftime("%Y|%m"), d.strftime("%Y|%m"))
