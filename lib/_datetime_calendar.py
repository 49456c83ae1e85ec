"""The proleptic Gregorian calendar as integer functions, for datetime.

Design notes
------------
Split from datetime.py so that the module defining the classes stays
readable.  Nothing here knows about the classes: days are ordinals
(0001-01-01 is day 1, a Monday), durations are whole microseconds, and
every function takes and returns plain ints or tuples of them.  datetime
imports the names it needs into its own globals, so its hot paths pay a
global lookup for them, never an attribute lookup on this module.
"""

MINYEAR = 1
MAXYEAR = 9999

_SECOND = 1000000
_MINUTE = 60 * _SECOND
_HOUR = 60 * _MINUTE
_DAY = 24 * _HOUR


# ---------------------------------------------------------------------------
# The calendar as plain integer functions.

_MONTH_LENGTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# _BEFORE_MONTH[m] counts the days of a common year that precede month m.
_BEFORE_MONTH = [0, 0]
for _length in _MONTH_LENGTH[1:12]:
    _BEFORE_MONTH.append(_BEFORE_MONTH[-1] + _length)
del _length

_MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
               "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June",
                "July", "August", "September", "October", "November",
                "December")
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
              "Saturday", "Sunday")


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_days(year, month):
    if month == 2 and _leap(year):
        return 29
    return _MONTH_LENGTH[month]


def _year_start(year):
    """The ordinal of January 1st of [year]."""
    past = year - 1
    return past * 365 + past // 4 - past // 100 + past // 400 + 1


# The two calendars a year can follow, indexed by _leap(year) (False is 0):
# _MONTH_STARTS[leap][m] is the zero-based day of the year on which month m
# begins, and _MONTH_OF_DAY[leap][n] the month holding zero-based day n.
# Looking both up is cheaper than walking the months, and ordinal
# conversion sits under every datetime operation.
_MONTH_STARTS = (tuple(_BEFORE_MONTH) + (365,),
                 tuple(_BEFORE_MONTH[:3]) + tuple(n + 1 for n in _BEFORE_MONTH[3:]) + (366,))
_MONTH_OF_DAY = tuple(tuple(month for month in range(1, 13)
                            for _ in range(starts[month + 1] - starts[month]))
                      for starts in _MONTH_STARTS)


def _to_ordinal(year, month, day):
    # _year_start and _leap written out: this runs under most operations.
    past = year - 1
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return (past * 365 + past // 4 - past // 100 + past // 400
            + _MONTH_STARTS[leap][month] + day)


_LAST_ORDINAL = _to_ordinal(MAXYEAR, 12, 31)


def _from_ordinal(ordinal):
    """(year, month, day) for a day number."""
    # 146097 days make 400 Gregorian years, so this guess is at most a
    # year out and one correction step in either direction settles it.
    year = ordinal * 400 // 146097 + 1
    past = year - 1
    start = past * 365 + past // 4 - past // 100 + past // 400 + 1
    if start > ordinal:
        year -= 1
        start = _year_start(year)
    elif ordinal - start >= 365:
        following = _year_start(year + 1)
        if following <= ordinal:
            year += 1
            start = following
    offset = ordinal - start
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    month = _MONTH_OF_DAY[leap][offset]
    return year, month, offset - _MONTH_STARTS[leap][month] + 1


def _weekday(ordinal):
    return (ordinal + 6) % 7


def _first_iso_monday(year):
    # ISO week 1 is the week holding January 4th.
    jan4 = _to_ordinal(year, 1, 4) if year <= MAXYEAR else _year_start(year) + 3
    return jan4 - _weekday(jan4)


def _iso_calendar(ordinal, year):
    start = _first_iso_monday(year)
    if ordinal < start:
        year -= 1
        start = _first_iso_monday(year)
    else:
        following = _first_iso_monday(year + 1)
        if ordinal >= following:
            year += 1
            start = following
    return year, (ordinal - start) // 7 + 1, _weekday(ordinal) + 1


def _iso_week_ordinal(year, week, day):
    """Validated ordinal of ISO (year, week, day), as fromisocalendar needs."""
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 1 <= week <= 52:
        long_year = _first_iso_monday(year + 1) - _first_iso_monday(year) == 371
        if not (week == 53 and long_year):
            raise ValueError("Invalid week: %d" % week)
    if not 1 <= day <= 7:
        raise ValueError("Invalid day: %d (range is [1, 7])" % day)
    return _first_iso_monday(year) + (week - 1) * 7 + day - 1


def _checked_ordinal(ordinal):
    if ordinal < 1:
        raise ValueError("ordinal must be >= 1")
    if ordinal > _LAST_ORDINAL:
        raise ValueError("year %d is out of range" % (MAXYEAR + 1))
    return _from_ordinal(ordinal)
