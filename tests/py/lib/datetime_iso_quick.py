# fromisoformat's quick shapes (YYYY-MM-DD, then a separator and
# HH:MM:SS[.ffffff][+-HH:MM]) against the general scanner's answers and
# CPython's: each text that is almost a quick shape (a sign, a non-ASCII
# digit, an underscore, a bad field range) must get the same value or the
# same error as CPython gives. UTC offsets of zero read as timezone.utc.
import datetime
D, DT, T = datetime.date, datetime.datetime, datetime.time
texts = ["2021-03-04", "2021-03-04T05:06:07", "2021-03-04 05:06:07.123456",
         "2021-03-04T05:06:07+02:00", "2021-03-04T05:06:07-02:30", "2021-03-04T05:06:07.000001-00:00",
         "2021-03-04T05:06:07+00:00", "2021-03-04T05:06:07.123456+23:59", "2021-03-04T05:06:07+24:00",
         "2021-03-04T05:06:07+05:75", "2021-03-04X05:06:07", "2021-03-04\u00e905:06:07",
         "2021-02-29", "2021-02-29T00:00:00", "2021-13-01T00:00:00", "2021-03-04T24:00:00",
         "2021-03-04T23:60:00", "2021-03-04T23:59:60", "0000-01-01", "9999-12-31T23:59:59.999999",
         "2021-03-04T05:06:07.12345", "2021-03-04T05:06:07.1234567", "2021-03-04T05:06:07Z",
         "2021-03-04T05:06:07.123+02:00", "2021-03-04T05:06:07+02", "2021-03-04T05:06:07+0200",
         "2021-03-04T05:06:07.123456+02:00:30", "+021-03-04", "2021-0+-04", " 021-03-04",
         "2021-03-0\u0664", "2021-03-04T05:06:0\u0667", "2021-03-04T05:06:07+0\u0662:00",
         "2021-03-04T05:06:07+02:0_", "2021_03-04", "20210304", "2021-W09-4", "2021-03-04T050607",
         "2021-03-04T05:06:07.123456-23:59", ""]
for t in texts:
    for f in (DT.fromisoformat, D.fromisoformat):
        try:
            v = f(t)
            print(repr(t), repr(v), v.tzinfo is datetime.timezone.utc if isinstance(v, DT) else "")
        except Exception as e:
            print(repr(t), type(e).__name__, e)
class Sub(DT):
    pass
print(repr(Sub.fromisoformat("2021-03-04T05:06:07+02:00")))
print(repr(Sub.fromisoformat("2021-03-04T05:06:07")))
