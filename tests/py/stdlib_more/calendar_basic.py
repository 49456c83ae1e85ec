# calendar: text months and years, monthrange/weekday/leap helpers,
# Calendar iteration with different first weekdays, errors.
import calendar

print(calendar.month(2024, 2))
print(calendar.month(2023, 10, w=3, l=2))
print(calendar.calendar(2024))
calendar.prmonth(2021, 1)
print(calendar.isleap(2000), calendar.isleap(1900), calendar.leapdays(1900, 2024))
print(calendar.monthrange(2024, 2), calendar.monthrange(2023, 12), calendar.weekday(2024, 7, 4))
print(calendar.monthcalendar(2024, 9))
print(list(calendar.day_name), list(calendar.month_abbr), calendar.day_abbr[6], len(calendar.month_name))
print(calendar.weekheader(3), calendar.firstweekday(), calendar.timegm((2024, 1, 1, 12, 0, 0)))
cal = calendar.Calendar(firstweekday=6)
print(list(cal.iterweekdays()), list(cal.itermonthdays(2024, 2))[:10])
print(cal.monthdatescalendar(2024, 3)[0], list(cal.itermonthdays2(2024, 3))[:3])
print(calendar.TextCalendar(calendar.SUNDAY).formatmonth(2024, 6))
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.month(2025, 1), calendar.firstweekday())
calendar.setfirstweekday(calendar.MONDAY)
print(calendar.TextCalendar().formatyear(2025, w=2, l=1, c=2, m=4))
for bad in [lambda: calendar.monthrange(2024, 13), lambda: calendar.setfirstweekday(9),
            lambda: calendar.month(2024, 0)]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
