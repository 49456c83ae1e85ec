"""POSIX TZ strings: the rule a TZif file's footer gives for all times
after its last transition, e.g. "EST5EDT,M3.2.0,M11.1.0".

    std offset [dst [offset] , start[/time] , end[/time]]

Offsets count westward ("EST5" is UTC-5); a dst offset defaults to one hour
ahead of standard time. start and end are "Mm.w.d" (day d, 0 = Sunday, of
week w, 5 = last, of month m), "Jn" (day n of 1-365, February 29 never
counted) or "n" (day n of 0-365), each at a local time (default 02:00:00,
may be negative or up to 167 hours).

parse(footer) returns a Kind (a zone with no DST) or a Rule.
"""

import calendar
from datetime import timedelta

_DELTAS = {}


def delta(seconds):
    """A shared timedelta for [seconds]: zones repeat a few offsets."""
    d = _DELTAS.get(seconds)
    if d is None:
        d = timedelta(seconds=seconds)
        if len(_DELTAS) < 512:
            _DELTAS[seconds] = d
    return d


class Kind:
    """One local time type: what utcoffset(), dst() and tzname() say."""

    __slots__ = ("utcoff", "dstoff", "tzname")

    def __init__(self, utcoff, dstoff, tzname):
        self.utcoff = utcoff
        self.dstoff = dstoff
        self.tzname = tzname

    def __eq__(self, other):
        return (self.utcoff, self.dstoff, self.tzname) == (other.utcoff, other.dstoff,
                                                           other.tzname)

    __hash__ = None


NO_KIND = Kind(None, None, None)

_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)


def _days_before_year(year):
    """Days from 1970-01-01 to the first of January of [year]."""
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400 + 1 - _EPOCH_ORDINAL


class _DayOfYear:
    """Jn (julian: 1-365, leap days skipped) or n (0-365)."""

    __slots__ = ("day", "julian", "seconds")

    def __init__(self, day, julian):
        low = 1 if julian else 0
        if not low <= day <= 365:
            raise ValueError(f"d must be in [{low}, 365], not: {day}")
        self.day, self.julian, self.seconds = day, julian, 7200

    def local_seconds(self, year):
        # As CPython reads these (its C and Python versions agree): n as
        # if it counted from 1 like Jn, and in leap years J59 on, not J60
        # on, shifted by the leap day. Real zones use the M form.
        day = self.day
        if self.julian and day >= 59 and calendar.isleap(year):
            day += 1
        return (_days_before_year(year) + day - 1) * 86400 + self.seconds


class _WeekdayOfMonth:
    """Mm.w.d: weekday d (0 = Sunday) of week w (5 = the last) of month m."""

    __slots__ = ("month", "week", "weekday", "seconds")

    def __init__(self, month, week, weekday):
        if not 1 <= month <= 12:
            raise ValueError("m must be in [1, 12]")
        if not 1 <= week <= 5:
            raise ValueError("w must be in [1, 5]")
        if not 0 <= weekday <= 6:
            raise ValueError("d must be in [0, 6]")
        self.month, self.week, self.weekday, self.seconds = month, week, weekday, 7200

    def local_seconds(self, year):
        first, length = calendar.monthrange(year, self.month)  # first: 0 = Monday
        day = (self.weekday - first - 1) % 7 + 1 + (self.week - 1) * 7
        if day > length:
            day -= 7
        days = (_days_before_year(year) + _DAYS_BEFORE_MONTH[self.month]
                + (self.month > 2 and calendar.isleap(year)) + day - 1)
        return days * 86400 + self.seconds


class Rule:
    """Standard time with yearly daylight saving time between two dates."""

    __slots__ = ("std", "dst", "start", "end", "shift")

    def __init__(self, std_name, std_offset, dst_name, dst_offset, start, end):
        self.shift = dst_offset - std_offset
        self.std = Kind(delta(std_offset), delta(0), std_name)
        self.dst = Kind(delta(dst_offset), delta(self.shift), dst_name)
        self.start, self.end = start, end

    def kind_at_local(self, seconds, year, fold):
        """The kind in force at local wall time [seconds] of [year]."""
        start = self.start.local_seconds(year)
        end = self.end.local_seconds(year)
        # Wall times in the gap or the overlap belong to one side or the
        # other by fold: fold=0 reads them with the offset before the
        # change, fold=1 with the one after (for DST that goes forward).
        if fold == (self.shift >= 0):
            end -= self.shift
        else:
            start += self.shift
        if start < end:
            in_dst = start <= seconds < end
        else:
            in_dst = not end <= seconds < start
        return self.dst if in_dst else self.std

    def kind_at_utc(self, seconds, year):
        """(kind, fold) at UTC time [seconds] (wall-clock year [year])."""
        start = self.start.local_seconds(year) - self.std.utcoff.total_seconds()
        end = self.end.local_seconds(year) - self.dst.utcoff.total_seconds()
        if start < end:
            in_dst = start <= seconds < end
        else:
            in_dst = not end <= seconds < start
        # The repeated wall-clock hour follows the end of DST (the start,
        # for the rare DST that goes backward).
        if self.shift > 0:
            fold = end <= seconds < end + self.shift
        else:
            fold = start <= seconds < start - self.shift
        return (self.dst if in_dst else self.std), fold


_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_QUOTED = _LETTERS | frozenset("0123456789+-")
_DIGITS = frozenset("0123456789")


def _name(text, pos):
    """(name, end) of a zone name at [pos], letters or <quoted>; (None, pos)
    when there is none."""
    if text.startswith("<", pos):
        end = text.find(">", pos + 1)
        inner = text[pos + 1:end]
        if end < 0 or not _QUOTED.issuperset(inner):
            return None, pos
        return inner, end + 1
    end = pos
    while end < len(text) and text[end] in _LETTERS:
        end += 1
    return (text[pos:end], end) if end > pos else (None, pos)


def _digits(text, pos, most):
    """(value, end) of 1 to [most] digits at [pos], no more following; or
    None."""
    end = pos
    while end < len(text) and text[end] in _DIGITS:
        end += 1
    if not 0 < end - pos <= most:
        return None
    return int(text[pos:end]), end


def _clock(text, pos, hour_digits):
    """(sign, hours, minutes, seconds, end) of [+-]h[:mm[:ss]] at [pos], or
    None if malformed."""
    sign = 1
    if text[pos:pos + 1] in ("+", "-"):
        sign = -1 if text[pos] == "-" else 1
        pos += 1
    found = _digits(text, pos, hour_digits)
    if found is None:
        return None
    parts = [found[0]]
    pos = found[1]
    while len(parts) < 3 and text.startswith(":", pos):
        found = _digits(text, pos + 1, 2)
        if found is None or found[1] != pos + 3:
            return None
        parts.append(found[0])
        pos = found[1]
    parts += [0] * (3 - len(parts))
    return (sign, *parts, pos)


def _offset(text, pos):
    """(seconds east of UTC, end) of a zone offset at [pos], or None. The
    string counts westward: "5" and "+5" are five hours behind UTC."""
    found = _clock(text, pos, 2)
    if found is None or found[1] > 24:
        return None
    sign, h, m, s, end = found
    total = h * 3600 + m * 60 + s
    return (-total if sign > 0 else total), end


def _transition(text, pos):
    """(point, end) of a start or end rule at [pos], or None."""
    if text.startswith("M", pos):
        month = _digits(text, pos + 1, 2)
        week = month and text.startswith(".", month[1]) and _digits(text, month[1] + 1, 1)
        day = week and text.startswith(".", week[1]) and _digits(text, week[1] + 1, 1)
        if not day or not 1 <= month[0] <= 12 or not 1 <= week[0] <= 5 or day[0] > 6:
            return None
        point, pos = _WeekdayOfMonth(month[0], week[0], day[0]), day[1]
    else:
        julian = text.startswith("J", pos)
        found = _digits(text, pos + julian, 3)
        if found is None or not julian <= found[0] <= 365:
            return None
        point, pos = _DayOfYear(found[0], julian), found[1]
    if text.startswith("/", pos):
        found = _clock(text, pos + 1, 3)
        if found is None or found[1] > 167:
            return None
        sign, h, m, s, pos = found
        point.seconds = sign * (h * 3600 + m * 60 + s)
    return point, pos


def parse(footer):
    """The rule of a TZif footer (bytes): a Kind or a Rule. Malformed
    strings raise ValueError with CPython's messages."""
    text = footer.decode("latin-1")
    std_name, pos = _name(text, 0)
    if std_name is None:
        raise ValueError(f"Invalid STD format in {footer!r}")
    found = _offset(text, pos)
    if found is None:
        raise ValueError(f"Invalid STD offset in {footer!r}")
    std_offset, pos = found
    if pos == len(text):
        return Kind(delta(std_offset), delta(0), std_name)
    dst_name, pos = _name(text, pos)
    if dst_name is None:
        raise ValueError(f"Invalid DST format in {footer!r}")
    dst_offset = std_offset + 3600
    if not text.startswith(",", pos):
        found = _offset(text, pos)
        if found is None:
            raise ValueError(f"Invalid DST offset in {footer!r}")
        dst_offset, pos = found
    rules = []
    for _ in range(2):
        if not text.startswith(",", pos):
            raise ValueError(f"Missing transition rules in TZ string: {footer!r}")
        found = _transition(text, pos + 1)
        if found is None:
            raise ValueError(f"Malformed transition rule in TZ string: {footer!r}")
        point, pos = found
        rules.append(point)
    if pos != len(text):
        raise ValueError(f"Extraneous characters at end of TZ string: {footer!r}")
    return Rule(std_name, std_offset, dst_name, dst_offset, *rules)
