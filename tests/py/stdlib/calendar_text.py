# Text calendars: month and year layouts with various widths, spacing and
# first weekdays, printed exactly as CPython prints them.
import calendar

print(calendar.month(2024, 2))
print(calendar.month(2023, 10, w=3, l=2))
print(repr(calendar.month(2021, 8, 0, 0)))
calendar.prmonth(1999, 12)
calendar.prmonth(2000, 1, 4)
print(calendar.calendar(2024))
print(calendar.calendar(2023, w=3, l=1, c=4, m=4))
print(calendar.calendar(1900, 2, 1, 6, 2))
print(calendar.calendar(2025, m=5))
calendar.prcal(2022, m=6, c=1)
print(calendar.weekheader(2), '|', calendar.weekheader(3), '|', calendar.weekheader(1))
print(calendar.weekheader(9))
print(calendar.weekheader(12))
print(repr(calendar.week([(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (6, 6)], 3)))
calendar.prweek([(28, 0), (29, 1), (30, 2), (31, 3), (0, 4), (0, 5), (0, 6)], 2)
print()
for first in (calendar.SUNDAY, calendar.WEDNESDAY, calendar.MONDAY):
    calendar.setfirstweekday(first)
    print(calendar.firstweekday())
    print(calendar.month(2024, 9))
    print(calendar.monthcalendar(2024, 9))
print(calendar.calendar(2024, m=2).splitlines()[:12])

tc = calendar.TextCalendar(calendar.SUNDAY)
print(tc.formatmonth(2026, 11))
print(repr(tc.formatmonthname(2026, 11, 20)), repr(tc.formatmonthname(2026, 11, 20, False)))
print(repr(tc.formatday(0, 0, 3)), repr(tc.formatday(7, 0, 3)), repr(tc.formatday(17, 0, 5)))
print(repr(tc.formatweekday(0, 2)), repr(tc.formatweekday(6, 9)), repr(tc.formatweekday(3, 12)))
print(repr(tc.formatweekheader(4)))
print(tc.formatyear(2026, 2, 1, 3, 4))
tc.pryear(1970, w=2, m=12, c=2)
calendar.format(['a', 'bb', 'ccc'])
print(repr(calendar.formatstring(['x', 'y'], 5, 2)))

class MarkedCalendar(calendar.TextCalendar):
    def formatday(self, day, weekday, width):
        if weekday >= 5 and day:
            return ('*%d' % day).rjust(width)
        return super().formatday(day, weekday, width)

print(MarkedCalendar().formatmonth(2024, 3, w=3))
