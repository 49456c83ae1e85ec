"""Calendars: month and year tables as data (Calendar) and as text
(TextCalendar), plus date helpers such as isleap, monthrange and timegm.

Design notes
------------
Everything is built on one primitive, Calendar.itermonthdays3(), which
lists the (year, month, day) triples shown in a month's table: the month
itself padded on both sides to whole weeks with days of the neighbouring
months.  The other iterators number or reshape that list, and the
"calendar" functions cut it into weeks of seven.  In the day-number forms
the padding days are shown as 0.

Weeks start on the calendar's firstweekday (0 is Monday, as in
datetime.date.weekday()); the module-level functions use one shared
TextCalendar whose first weekday setfirstweekday() changes.

The text layout follows a simple grid.  A day takes `w` columns (at least
2) and days are separated by one space, so a week, and therefore a month,
is 7 * (w + 1) - 1 columns wide.  A year is printed as rows of `m` months
separated by `c` spaces, each row made of the centred month names, the
weekday header, and the weeks side by side.  Trailing spaces are removed
from every line; `l` is the number of newlines after each line.

Names of months and days are the English ones of the C locale: gilpy has
no locale support, so LocaleTextCalendar and the HTML calendars are not
provided.  day_name and friends are small read-only sequences rather than
lists, like CPython's, so that assigning into them fails.
"""

import datetime
import itertools
import sys

__all__ = ['IllegalMonthError', 'IllegalWeekdayError', 'setfirstweekday',
           'firstweekday', 'isleap', 'leapdays', 'weekday', 'monthrange',
           'monthcalendar', 'prmonth', 'month', 'prcal', 'calendar',
           'timegm', 'month_name', 'month_abbr', 'day_name', 'day_abbr',
           'Calendar', 'TextCalendar', 'weekheader',
           'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY',
           'SATURDAY', 'SUNDAY']

error = ValueError


class IllegalMonthError(ValueError):
    def __init__(self, month):
        self.month = month

    def __str__(self):
        return 'bad month number %r; must be 1-12' % (self.month,)


class IllegalWeekdayError(ValueError):
    def __init__(self, weekday):
        self.weekday = weekday

    def __str__(self):
        return ('bad weekday number %r; must be 0 (Monday) to 6 (Sunday)'
                % (self.weekday,))


MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)
January = 1
February = 2

# Days per month in a common year; index 0 is a placeholder.
mdays = [0,
         31, 28, 31, 30, 31, 30,
         31, 31, 30, 31, 30, 31]

EPOCH = 1970
_date = datetime.date
_EPOCH_ORD = _date(EPOCH, 1, 1).toordinal()


class _NameTable:
    """A read-only sequence of names, indexable and sliceable like a list."""

    def __init__(self, names):
        self._names = tuple(names)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return list(self._names[index])
        return list(self._names)[index]

    def __len__(self):
        return len(self._names)


_DAYS = ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
         'Saturday', 'Sunday')
_MONTHS = ('', 'January', 'February', 'March', 'April', 'May', 'June',
           'July', 'August', 'September', 'October', 'November', 'December')

day_name = _NameTable(_DAYS)
day_abbr = _NameTable(name[:3] for name in _DAYS)
month_name = _NameTable(_MONTHS)
month_abbr = _NameTable(name[:3] for name in _MONTHS)


def isleap(year):
    """True for a leap year of the proleptic Gregorian calendar."""
    if year % 100 == 0:
        # Century years are leap years only every fourth century.
        return year % 400 == 0
    return year % 4 == 0


def leapdays(y1, y2):
    """The number of leap years from [y1] up to but not including [y2]."""
    def before(year):
        # Leap years in 1 .. year - 1 (negative years work the same way).
        year -= 1
        return year // 4 - year // 100 + year // 400
    return before(y2) - before(y1)


def weekday(year, month, day):
    """The day of the week, 0 (Monday) to 6 (Sunday), of a date."""
    if year < datetime.MINYEAR or year > datetime.MAXYEAR:
        # The Gregorian calendar repeats every 400 years.
        year = year % 400 + 2000
    return _date(year, month, day).weekday()


def monthrange(year, month):
    """(weekday of the first day, number of days) for a month."""
    if month < 1 or month > 12:
        raise IllegalMonthError(month)
    return weekday(year, month, 1), _month_length(year, month)


def _month_length(year, month):
    if month == February and isleap(year):
        return 29
    return mdays[month]


def _month_before(year, month):
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _month_after(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _in_weeks(items):
    """Cut a sequence whose length is a multiple of 7 into weeks."""
    return [items[start:start + 7] for start in range(0, len(items), 7)]


class Calendar:
    """Month and year tables as Python data; weeks start on
    [firstweekday] (0 is Monday, 6 is Sunday)."""

    def __init__(self, firstweekday=0):
        self.firstweekday = firstweekday

    def getfirstweekday(self):
        return self._first % 7

    def setfirstweekday(self, firstweekday):
        # Stored as given; any int works, taken modulo 7 when read.
        self._first = firstweekday

    firstweekday = property(getfirstweekday, setfirstweekday,
                            doc='The weekday a displayed week starts on.')

    def iterweekdays(self):
        """The seven weekday numbers in the order of a displayed week."""
        first = self.firstweekday
        for offset in range(7):
            yield (first + offset) % 7

    def _padding(self, year, month):
        """(days shown before the 1st, days in the month, days shown after)."""
        first_day, length = monthrange(year, month)
        before = (first_day - self.firstweekday) % 7
        after = (self.firstweekday - first_day - length) % 7
        return before, length, after

    def itermonthdays3(self, year, month):
        """(year, month, day) for every day shown in the month's table,
        including the days of adjacent months that complete its weeks."""
        before, length, after = self._padding(year, month)
        prev_year, prev_month = _month_before(year, month)
        prev_length = _month_length(prev_year, prev_month)
        for day in range(prev_length - before + 1, prev_length + 1):
            yield prev_year, prev_month, day
        for day in range(1, length + 1):
            yield year, month, day
        next_year, next_month = _month_after(year, month)
        for day in range(1, after + 1):
            yield next_year, next_month, day

    def itermonthdates(self, year, month):
        """datetime.date objects for every day shown in the month's table."""
        for triple in self.itermonthdays3(year, month):
            yield _date(*triple)

    def itermonthdays(self, year, month):
        """Day numbers of the month's table; padding days are 0."""
        before, length, after = self._padding(year, month)
        yield from itertools.repeat(0, before)
        yield from range(1, length + 1)
        yield from itertools.repeat(0, after)

    def itermonthdays2(self, year, month):
        """(day number, weekday) pairs; padding days have day number 0."""
        first = self.firstweekday
        for position, day in enumerate(self.itermonthdays(year, month)):
            yield day, (first + position) % 7

    def itermonthdays4(self, year, month):
        """(year, month, day, weekday) for every day shown."""
        first = self.firstweekday
        for position, (y, m, d) in enumerate(self.itermonthdays3(year, month)):
            yield y, m, d, (first + position) % 7

    def monthdatescalendar(self, year, month):
        """The month as a list of weeks of seven datetime.date objects."""
        return _in_weeks(list(self.itermonthdates(year, month)))

    def monthdays2calendar(self, year, month):
        """The month as a list of weeks of (day number, weekday) pairs."""
        return _in_weeks(list(self.itermonthdays2(year, month)))

    def monthdayscalendar(self, year, month):
        """The month as a list of weeks of day numbers (0 for padding)."""
        return _in_weeks(list(self.itermonthdays(year, month)))

    def _year_rows(self, table, year, width):
        months = [table(year, month) for month in range(1, 13)]
        return [months[start:start + width]
                for start in range(0, 12, width)]

    def yeardatescalendar(self, year, width=3):
        """The year as rows of [width] months, each month as from
        monthdatescalendar()."""
        return self._year_rows(self.monthdatescalendar, year, width)

    def yeardays2calendar(self, year, width=3):
        """Like yeardatescalendar(), with (day number, weekday) pairs."""
        return self._year_rows(self.monthdays2calendar, year, width)

    def yeardayscalendar(self, year, width=3):
        """Like yeardatescalendar(), with day numbers."""
        return self._year_rows(self.monthdayscalendar, year, width)


class TextCalendar(Calendar):
    """Month and year tables as plain text, for printing."""

    def prweek(self, theweek, width):
        """Print one week of (day, weekday) pairs, without a newline."""
        sys.stdout.write(self.formatweek(theweek, width))

    def formatday(self, day, weekday, width):
        """One day cell: the number right-aligned in two columns, centred
        in [width]; blank for padding days."""
        text = '%2i' % day if day else ''
        return text.center(width)

    def formatweek(self, theweek, width):
        """One line for a week of (day, weekday) pairs."""
        return ' '.join(self.formatday(day, wd, width) for day, wd in theweek)

    def formatweekday(self, day, width):
        """A weekday name fitted to [width]: the full name from 9 columns
        up, else the abbreviation, cut if still too long."""
        names = day_name if width >= 9 else day_abbr
        name = names[day][:width]
        return name.center(width)

    def formatweekheader(self, width):
        """The line of weekday names heading a month."""
        return ' '.join(self.formatweekday(day, width)
                        for day in self.iterweekdays())

    def formatmonthname(self, theyear, themonth, width, withyear=True):
        """The month's title centred in [width]."""
        title = month_name[themonth]
        if withyear:
            title = '%s %r' % (title, theyear)
        return title.center(width)

    def prmonth(self, theyear, themonth, w=0, l=0):
        """Print formatmonth()."""
        sys.stdout.write(self.formatmonth(theyear, themonth, w, l))

    def formatmonth(self, theyear, themonth, w=0, l=0):
        """A month's table: title, weekday header and one line per week.
        [w] is the width of a day column, [l] the newlines per line."""
        w = max(2, w)
        l = max(1, l)
        end = '\n' * l
        lines = [self.formatmonthname(theyear, themonth, 7 * (w + 1) - 1),
                 self.formatweekheader(w)]
        lines.extend(self.formatweek(days, w) for days in
                     self.monthdays2calendar(theyear, themonth))
        return ''.join(line.rstrip() + end for line in lines)

    def formatyear(self, theyear, w=2, l=1, c=6, m=3):
        """A year's table: [m] months per row, [c] spaces between them;
        [w] and [l] as for formatmonth()."""
        w = max(2, w)
        l = max(1, l)
        c = max(2, c)
        end = '\n' * l
        column = 7 * (w + 1) - 1
        heading = self.formatweekheader(w)
        out = [repr(theyear).center(column * m + c * (m - 1)).rstrip(), end]
        for row_index, row in enumerate(self.yeardays2calendar(theyear, m)):
            months = range(m * row_index + 1, min(m * row_index + m, 12) + 1)
            out.append(end)
            titles = [self.formatmonthname(theyear, k, column, False)
                      for k in months]
            out.append(formatstring(titles, column, c).rstrip())
            out.append(end)
            out.append(formatstring([heading] * len(months), column, c).rstrip())
            out.append(end)
            tallest = max(len(weeks) for weeks in row)
            for line in range(tallest):
                cells = [self.formatweek(weeks[line], w) if line < len(weeks)
                         else '' for weeks in row]
                out.append(formatstring(cells, column, c).rstrip())
                out.append(end)
        return ''.join(out)

    def pryear(self, theyear, w=0, l=0, c=6, m=3):
        """Print formatyear()."""
        sys.stdout.write(self.formatyear(theyear, w, l, c, m))


# The shared calendar behind the module-level functions.
c = TextCalendar()

firstweekday = c.getfirstweekday


def setfirstweekday(firstweekday):
    """Make weeks of the module-level functions start on [firstweekday]."""
    if firstweekday < MONDAY or firstweekday > SUNDAY:
        raise IllegalWeekdayError(firstweekday)
    c.setfirstweekday(firstweekday)


monthcalendar = c.monthdayscalendar
prweek = c.prweek
week = c.formatweek
weekheader = c.formatweekheader
prmonth = c.prmonth
month = c.formatmonth
calendar = c.formatyear
prcal = c.pryear

# Layout of the columns printed by format() and formatstring().
_colwidth = 7 * 3 - 1
_spacing = 6


def format(cols, colwidth=_colwidth, spacing=_spacing):
    """Print the strings [cols] centred in columns."""
    line = formatstring(cols, colwidth, spacing)
    print(line)


def formatstring(cols, colwidth=_colwidth, spacing=_spacing):
    """The strings [cols] centred in [colwidth] columns, [spacing] apart."""
    return (' ' * spacing).join(col.center(colwidth) for col in cols)


def timegm(tuple):
    """Seconds since the epoch for a UTC time tuple (the inverse of
    time.gmtime())."""
    year, month, day, hours, minutes, seconds = tuple[:6]
    days = _date(year, month, 1).toordinal() + day - 1 - _EPOCH_ORD
    return ((days * 24 + hours) * 60 + minutes) * 60 + seconds
