# Calendar data helpers, iterators, names and errors.
import calendar
import datetime

for year in (1900, 2000, 2023, 2024, 2100, 0, -4, 1):
    print(year, calendar.isleap(year))
print(calendar.leapdays(2000, 2025), calendar.leapdays(1900, 1901), calendar.leapdays(2025, 2000),
      calendar.leapdays(-100, 100), calendar.leapdays(1, 10000))
for args in [(2024, 2), (2023, 2), (1900, 2), (2000, 2), (2024, 12), (1, 1), (9999, 12)]:
    print(args, calendar.monthrange(*args))
print(calendar.weekday(2024, 2, 29), calendar.weekday(1970, 1, 1), calendar.weekday(10000, 1, 1),
      calendar.weekday(12345, 6, 7), calendar.weekday(1, 1, 1))
print(calendar.monthcalendar(2024, 2))
print(calendar.timegm((1970, 1, 1, 0, 0, 0)), calendar.timegm((2024, 2, 29, 12, 30, 15, 0, 0, 0)),
      calendar.timegm((1969, 12, 31, 23, 59, 59)),
      calendar.timegm((2038, 1, 19, 3, 14, 8)))

print(list(calendar.day_name), list(calendar.day_abbr))
print(list(calendar.month_name), list(calendar.month_abbr))
print(len(calendar.day_name), len(calendar.month_name), calendar.month_name[-1], calendar.day_abbr[-2])
print(calendar.month_abbr[2:5], calendar.day_name[::2], calendar.month_name[0] == '')
print(calendar.MONDAY, calendar.SUNDAY, calendar.January, calendar.February, calendar.EPOCH)
print(calendar.mdays, calendar.error is ValueError)

cal = calendar.Calendar()
print(cal.firstweekday, cal.getfirstweekday(), list(cal.iterweekdays()))
cal.firstweekday = 9
print(cal.firstweekday, list(cal.iterweekdays()))
cal.setfirstweekday(6)
print(cal.getfirstweekday(), list(cal.iterweekdays()))
for first in (0, 6, 3):
    cal = calendar.Calendar(first)
    print('first', first)
    print(' ', list(cal.itermonthdays(2024, 2)))
    print(' ', list(cal.itermonthdays2(2024, 6))[:9])
    print(' ', list(cal.itermonthdays3(2024, 12))[-6:])
    print(' ', list(cal.itermonthdays4(2025, 1))[:5])
    print(' ', [str(d) for d in cal.itermonthdates(2024, 3)][:4])
    print(' ', cal.monthdayscalendar(2021, 2))
    print(' ', cal.monthdays2calendar(2021, 2)[0])
    print(' ', [[d.isoformat() for d in w] for w in cal.monthdatescalendar(2023, 1)][-1])
cal = calendar.Calendar()
rows = cal.yeardayscalendar(2024)
print(len(rows), [len(r) for r in rows], rows[0][1])
rows = cal.yeardays2calendar(2024, width=5)
print(len(rows), [len(r) for r in rows], rows[2][1][0])
rows = cal.yeardatescalendar(2024, 4)
print(len(rows), [len(r) for r in rows], rows[0][0][0][0], rows[2][3][-1][-1])
print(type(next(cal.itermonthdates(2024, 1))) is datetime.date)
print(list(cal.itermonthdays3(1, 1))[:2], list(cal.itermonthdays(9999, 12))[-3:])

def attempt(label, fn, *args):
    try:
        print(label, '->', fn(*args))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e, e.args)

attempt('monthrange 13', calendar.monthrange, 2024, 13)
attempt('monthrange 0', calendar.monthrange, 2024, 0)
attempt('month 13', calendar.month, 2024, 13)
attempt('monthcalendar -1', calendar.monthcalendar, 2024, -1)
attempt('setfirstweekday 7', calendar.setfirstweekday, 7)
attempt('setfirstweekday -1', calendar.setfirstweekday, -1)
attempt('weekday bad day', calendar.weekday, 2024, 2, 30)
attempt('month_name 13', calendar.month_name.__getitem__, 13)
attempt('day_name 7', calendar.day_name.__getitem__, 7)
print(issubclass(calendar.IllegalMonthError, ValueError), issubclass(calendar.IllegalWeekdayError, ValueError))
e = calendar.IllegalMonthError(42)
print(e.month, str(e), e.args)
try:
    calendar.month_name[1] = 'x'
except TypeError:
    print('month_name is read-only')
