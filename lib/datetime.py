"""Calendar dates, wall-clock times and the spans between them.

Design notes
------------
Covered: timedelta, date, time, datetime, the abstract tzinfo and the
fixed-offset timezone (timezone.utc is a singleton), ISO 8601 text in both
directions, a C-locale strftime and a strptime for the everyday directives.
Left out: locale-dependent names, the pickle byte format (objects reduce to
constructor calls instead), IANA zone data (a tzinfo subclass may bring its
own), and the %U/%W/%G round trips strptime does not need for ordinary input.

The C core.  timedelta, date and datetime are the C types of _datetime
(src/mod/datetime*.c): construction, fields, comparison, hashing,
arithmetic, ISO text, replace, ordinals and POSIX timestamps for the
everyday cases run there, as CPython's do in its C module.  This module
writes the rest as methods of the holder classes _date_methods and
_datetime_methods and adds them to the C types when it is imported
(_install at the end), together with the helpers the C side calls for the
rare cases: argument errors worded as CPython words them (_checked_date,
_checked_datetime, _exact_span), tzinfo-aware comparison, hashing and
subtraction (_compare, _hash_slow, _sub_slow), aware text (_repr_slow,
_isoformat_slow) and unusual ISO text.  The C types offer the private
fields this code reads: timedelta._us (the span in microseconds) and
date/datetime._year ... _fold.

A timedelta here is counted in whole microseconds (._us); float
multiplication and division round an exact fraction half-to-even once,
which gives the same microsecond CPython computes.

Days are proleptic Gregorian ordinals: 0001-01-01 is day 1 and a Monday, so
(ordinal + 6) % 7 is the weekday with Monday as 0.  A datetime's "stamp"
is its microseconds since 0001-01-01T00:00, used for arithmetic on aware
values; aware values compare by stamp minus UTC offset.  strftime keeps
each format's parsed plan.  A subclass gets its results from its own
constructor, as in CPython.

Local time comes from the C library: the C core calls localtime_r for
the common conversions, and the Python road asks time.localtime and
time.mktime (only near a clock change; see _local_seconds).  UTC
conversions are done in microseconds, so timezone-aware code never
depends on the platform's time_t range.

Reprs spell our own classes as "datetime.X", as CPython's C types do, and a
user subclass by its bare class name.

Layout.  The calendar's integer functions live in _datetime_calendar, ISO
scanning and strftime in _datetime_text, strptime in _datetime_strptime
(loaded on first use); this module holds the classes and binds the helpers
its hot paths call as globals of its own.
"""

import time as _time
from _datetime import (_add_methods as _c_add_methods, _delta_from_us as _c_delta_from_us,
                       date as _c_date, datetime as _c_datetime, timedelta as _c_timedelta)
import math as _math
from operator import attrgetter as _attrgetter
from _datetime_calendar import (MAXYEAR, MINYEAR, _DAY, _HOUR, _LAST_ORDINAL, _MINUTE,
                                _MONTH_STARTS, _SECOND, _checked_ordinal, _from_ordinal,
                                _iso_calendar, _iso_week_ordinal, _month_days, _to_ordinal,
                                _weekday, _year_start)
from _datetime_text import (_BadIso, _TWO, _clock_text, _format_spec, _invalid, _offset_text,
                            _quick_iso_date, _quick_iso_datetime, _require_str, _scan_date, _scan_time,
                            _strftime, _year_text, _zone_suffix)

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

_DAY_LIMIT = 999999999
_INFINITY = float("inf")


# ---------------------------------------------------------------------------
# Argument checking shared by the constructors.

def _as_index(value):
    if type(value) is int:
        return value
    convert = getattr(type(value), "__index__", None)
    if convert is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return convert(value)


def _checked_date(year, month, day):
    if month is None:
        raise TypeError("function missing required argument 'month' (pos 2)")
    if day is None:
        raise TypeError("function missing required argument 'day' (pos 3)")
    year, month, day = _as_index(year), _as_index(month), _as_index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _month_days(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


_CLOCK_FIELDS = (("hour", 23), ("minute", 59), ("second", 59),
                 ("microsecond", 999999))


def _checked_clock(hour, minute, second, microsecond, tz, fold):
    clock = []
    for (name, top), value in zip(_CLOCK_FIELDS, (hour, minute, second, microsecond)):
        value = _as_index(value)
        if not 0 <= value <= top:
            raise ValueError("%s must be in 0..%d" % (name, top))
        clock.append(value)
    _checked_zone(tz)
    if fold != 0 and fold != 1:
        raise ValueError("fold must be either 0 or 1")
    return clock


def _checked_zone(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        "not type '%s'" % type(tz).__name__)


def _checked_offset(method, value):
    """Validate what a tzinfo's utcoffset() or dst() handed back."""
    if value is None:
        return None
    if not isinstance(value, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (method, type(value).__name__))
    if not -_DAY < value._us < _DAY:
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")
    return value


def _checked_name(value):
    if value is not None and not isinstance(value, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % type(value).__name__)
    return value


def _shown_name(obj):
    # CPython's C types print as "datetime.date"; a subclass written in
    # Python shows only its own name.
    cls = type(obj)
    if cls.__module__ == __name__:
        return "datetime." + cls.__name__
    return cls.__name__


# ---------------------------------------------------------------------------
# Rich comparisons.  Each class supplies _pair(other, equality), returning
# two comparable keys, NotImplemented, or _UNEQUAL when the values can only
# be told apart (a naive and an aware datetime are never equal, yet ordering
# them is an error).  The decorator fills in the six operators a class does
# not define itself; timedelta, date and datetime write their own so that
# the everyday case (two values of the same kind) is one integer compare,
# and hand anything else to _compare.

_UNEQUAL = object()

_RELATIONS = (("__eq__", lambda a, b: a == b), ("__ne__", lambda a, b: a != b),
              ("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
              ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b))
_RELATION_BY_NAME = dict(_RELATIONS)


def _compare(self, other, name):
    keys = self._pair(other, name == "__eq__" or name == "__ne__")
    if keys is NotImplemented:
        return NotImplemented
    if keys is _UNEQUAL:
        return name == "__ne__"
    return _RELATION_BY_NAME[name](keys[0], keys[1])


def _with_comparisons(cls):
    for name, relation in _RELATIONS:
        if name in cls.__dict__:
            continue
        equality = name in ("__eq__", "__ne__")

        def compare(self, other, relation=relation, equality=equality, name=name):
            keys = self._pair(other, equality)
            if keys is NotImplemented:
                return NotImplemented
            if keys is _UNEQUAL:
                return name == "__ne__"
            return relation(keys[0], keys[1])

        compare.__name__ = name
        setattr(cls, name, compare)
    return cls


def _rebuild(cls, fields, fold):
    # copy.copy and copy.deepcopy reach here through __reduce__; fold is a
    # keyword-only argument, so it cannot ride along in a positional tuple.
    return cls(*fields, fold=fold)


# ---------------------------------------------------------------------------
# timedelta

_SPAN_UNITS = (("days", _DAY), ("seconds", _SECOND), ("microseconds", 1),
               ("milliseconds", 1000), ("minutes", _MINUTE), ("hours", _HOUR),
               ("weeks", 7 * _DAY))


def _nearest(numerator, denominator):
    """numerator / denominator to the nearest integer, ties to even."""
    if denominator == 0:
        raise ZeroDivisionError("integer division or modulo by zero")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, remainder = divmod(numerator, denominator)
    doubled = remainder * 2
    if doubled > denominator or (doubled == denominator and quotient % 2):
        quotient += 1
    return quotient


def _fraction_of(value, unit):
    if isinstance(value, float):
        if value != value:
            raise ValueError("cannot convert float NaN to integer")
        if value == _INFINITY or value == -_INFINITY:
            raise OverflowError("cannot convert float infinity to integer")
        return value.as_integer_ratio()
    if isinstance(value, int):
        return value, 1
    raise TypeError("unsupported type for timedelta %s component: %s"
                    % (unit, type(value).__name__))


def _exact_span(*given):
    """Microseconds in timedelta arguments that are not all ints.

    The components are summed as one exact fraction of a microsecond so
    that float arguments are rounded once, at the very end."""
    top, bottom = 0, 1
    for (unit, scale), value in zip(_SPAN_UNITS, given):
        if type(value) is int:
            top += value * scale * bottom
        else:
            num, den = _fraction_of(value, unit)
            top = top * den + num * scale * bottom
            bottom *= den
    return top if bottom == 1 else _nearest(top, bottom)


# timedelta itself is the C type of _datetime (src/mod/datetime.c): its
# constructor calls _exact_span above when an argument is not a plain int
# or an everyday float, and the code below builds spans of a known number
# of microseconds with _span.
_span = _c_delta_from_us
_new_object = object.__new__
timedelta = _c_timedelta
_c_add_methods(timedelta, {
    "_exact_span": _exact_span,
    "min": _span(-_DAY_LIMIT * _DAY),
    "max": _span((_DAY_LIMIT + 1) * _DAY - 1),
    "resolution": _span(1),
})


def _zone_for(offset_us):
    """The tzinfo ISO text with this offset (or None) reads as: timezone.utc
    for zero, as timezone() would answer, and otherwise an unnamed zone."""
    if offset_us is None:
        return None
    if offset_us and -_DAY < offset_us < _DAY:
        return _new_zone(_span(offset_us), None)
    return timezone(timedelta(microseconds=offset_us))


# ---------------------------------------------------------------------------
# date

def _new_date(cls, year, month, day):
    """A date of [cls] from fields already known to be valid."""
    return cls(year, month, day)


class _date_methods:
    """The methods of date written in Python; the class itself, and its
    everyday operations, are the C type _datetime.date (see the end of the
    module, where these are added to it)."""

    @classmethod
    def fromtimestamp(cls, t):
        local = _local_struct(_split_timestamp(t)[0])
        return cls(local[0], local[1], local[2])

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromisoformat(cls, date_string):
        # The C type reads YYYY-MM-DD itself and hands everything else here.
        _require_str(date_string)
        try:
            ymd, end = _scan_date(date_string)
            if end != len(date_string):
                raise _BadIso
        except _BadIso:
            raise _invalid(date_string) from None
        return cls(*ymd)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        ordinal = _iso_week_ordinal(_as_index(year), _as_index(week), _as_index(day))
        return cls(*_checked_ordinal(ordinal))

    def ctime(self):
        return self.strftime("%a %b %e %H:%M:%S %Y")

    def strftime(self, format):
        return _strftime(format, None, (self._year, self._month, self._day), (0, 0, 0, 0))

    def __format__(self, fmt):
        return _format_spec(self, fmt)

    def timetuple(self):
        return _struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def isocalendar(self):
        return IsoCalendarDate(*_iso_calendar(self.toordinal(), self._year))


date = _c_date


class IsoCalendarDate(tuple):
    """What date.isocalendar() returns: a tuple with named fields."""

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return "datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % tuple(self)

    def __reduce__(self):
        return tuple, (tuple(self),)


def _struct_time(year, month, day, hour, minute, second, dst_flag):
    ordinal = _to_ordinal(year, month, day)
    yday = ordinal - _year_start(year) + 1
    return _time.struct_time((year, month, day, hour, minute, second,
                              _weekday(ordinal), yday, dst_flag))


def _split_timestamp(t):
    """Whole seconds and microseconds of a POSIX timestamp.

    The fraction is rounded half-to-even on its own, so a timestamp that
    is a hair below a whole second rounds up into it."""
    if isinstance(t, int):
        return t, 0
    if not isinstance(t, float):
        # Anything else must be an integer in disguise, as for CPython.
        return _as_index(t), 0
    if t != t:
        raise ValueError("Invalid value NaN (not a number)")
    if t == _INFINITY or t == -_INFINITY:
        raise OverflowError("timestamp out of range for platform time_t")
    fraction, whole = _math.modf(t)
    micro = round(fraction * _SECOND)
    seconds = int(whole)
    if micro >= _SECOND:
        seconds, micro = seconds + 1, micro - _SECOND
    elif micro < 0:
        seconds, micro = seconds - 1, micro + _SECOND
    return seconds, micro


def _local_struct(seconds):
    try:
        return _time.localtime(seconds)
    except (OverflowError, ValueError, OSError):
        raise OverflowError("timestamp out of range for platform time_t")


# ---------------------------------------------------------------------------
# tzinfo and timezone

class tzinfo:
    """Base class for time zone rules; subclasses supply the three queries."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        # [dt] holds UTC fields.  Moving it by the standard offset (the
        # total offset minus daylight saving) lands on local standard time;
        # asking dst() again there gives the saving that applies locally.
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        offset = dt.utcoffset()
        saving = dt.dst()
        if offset is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        if saving is None:
            raise ValueError("fromutc: non-None dst() result required")
        shifted = dt + (offset - saving)
        saving = shifted.dst()
        if saving is None:
            raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return shifted + saving


# The parameter of the time and datetime constructors hides the class name.
_tzinfo_class = tzinfo

_NO_NAME = object()


def _zone_label(offset):
    return "UTC" if not offset._us else "UTC" + _offset_text(offset, ":")


def _new_zone(offset, name):
    zone = object.__new__(timezone)
    zone._offset = offset
    zone._name = name
    return zone


class timezone(tzinfo):
    """A fixed offset from UTC, optionally named."""

    __slots__ = ("_offset", "_name")

    def __init_subclass__(cls, **kwargs):
        # CPython's timezone is final; the fast paths that test for an
        # exact timezone rely on it too.
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def __new__(cls, offset, name=_NO_NAME):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % type(offset).__name__)
        if name is _NO_NAME:
            if not offset._us:
                return timezone.utc
            name = None
        elif not isinstance(name, str):
            shown = "None" if name is None else type(name).__name__
            raise TypeError("timezone() argument 2 must be str, not %s" % shown)
        if not -_DAY < offset._us < _DAY:
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), not %r." % (offset,))
        return _new_zone(offset, name)

    def _accepts(self, method, dt):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError("%s(dt) argument must be a datetime instance or None, not %s"
                            % (method, type(dt).__name__))

    def utcoffset(self, dt):
        self._accepts("utcoffset", dt)
        return self._offset

    def dst(self, dt):
        self._accepts("dst", dt)
        return None

    def tzname(self, dt):
        self._accepts("tzname", dt)
        return self._name if self._name is not None else _zone_label(self._offset)

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return "datetime.timezone(%r)" % (self._offset,)
        return "datetime.timezone(%r, %r)" % (self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __reduce__(self):
        if self._name is None:
            return timezone, (self._offset,)
        return timezone, (self._offset, self._name)


timezone.utc = _new_zone(timedelta(0), None)
timezone.min = timezone(timedelta(hours=-23, minutes=-59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


def _ask_zone(tz, method, argument):
    """Run one of the tzinfo queries and check its answer."""
    if tz is None:
        return None
    if method == "tzname":
        return _checked_name(tz.tzname(argument))
    return _checked_offset(method, getattr(tz, method)(argument))


# ---------------------------------------------------------------------------
# time

def _clock_us(hour, minute, second, micro):
    return ((hour * 60 + minute) * 60 + second) * _SECOND + micro


def _clock_repr(name, leading, clock, tz, fold):
    # Hour and minute always show; second and microsecond only when set.
    hour, minute, second, micro = clock
    shown = leading + [hour, minute]
    if second or micro:
        shown.append(second)
    if micro:
        shown.append(micro)
    text = "%s(%s" % (name, ", ".join(str(value) for value in shown))
    if fold:
        text += ", fold=1"
    if tz is not None:
        text += ", tzinfo=%r" % (tz,)
    return text + ")"


@_with_comparisons
class time:
    """A time of day, optionally tied to a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        clock = _checked_clock(hour, minute, second, microsecond, tzinfo, fold)
        made = object.__new__(cls)
        made._hour, made._minute, made._second, made._microsecond = clock
        made._tzinfo = tzinfo
        made._fold = fold
        return made

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    def _clock(self):
        return self._hour, self._minute, self._second, self._microsecond

    @classmethod
    def fromisoformat(cls, time_string):
        _require_str(time_string)
        start = 1 if time_string.startswith("T") else 0
        try:
            clock, offset = _scan_time(time_string, start)
        except _BadIso:
            raise _invalid(time_string) from None
        return cls(*clock, tzinfo=_zone_for(offset))

    def utcoffset(self):
        return _ask_zone(self._tzinfo, "utcoffset", None)

    def dst(self):
        return _ask_zone(self._tzinfo, "dst", None)

    def tzname(self):
        return _ask_zone(self._tzinfo, "tzname", None)

    def isoformat(self, timespec="auto"):
        return _clock_text(*self._clock(), timespec) + _zone_suffix(self.utcoffset())

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return _clock_repr(_shown_name(self), [], self._clock(), self._tzinfo, self._fold)

    def strftime(self, format):
        # A bare time is formatted as that time on 1900-01-01.
        return _strftime(format, self, (1900, 1, 1), self._clock())

    def __format__(self, fmt):
        return _format_spec(self, fmt)

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        fields = [old if new is None else new
                  for old, new in zip(self._clock(), (hour, minute, second, microsecond))]
        return type(self)(*fields, self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def _utc_key(self):
        offset = self.utcoffset()
        return _clock_us(*self._clock()) - (offset._us if offset is not None else 0), offset

    def _pair(self, other, equality):
        if not isinstance(other, time):
            return NotImplemented
        if self._tzinfo is other._tzinfo:
            return _clock_us(*self._clock()), _clock_us(*other._clock())
        mine, my_offset = self._utc_key()
        theirs, their_offset = other._utc_key()
        if (my_offset is None) != (their_offset is None):
            if equality:
                return _UNEQUAL
            raise TypeError("can't compare offset-naive and offset-aware times")
        return mine, theirs

    def __hash__(self):
        return hash(self._utc_key()[0])

    def __bool__(self):
        return True

    def __reduce__(self):
        return _rebuild, (type(self), self._clock() + (self._tzinfo,), self._fold)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------------------
# datetime

_FIRST_STAMP = 0
_STAMP_LIMIT = _LAST_ORDINAL * _DAY


def _new_datetime(cls, year, month, day, hour, minute, second, micro, tz):
    """A datetime (fold 0) of [cls] from fields already known to be valid."""
    return cls(year, month, day, hour, minute, second, micro, tz)


def _checked_datetime(year, month, day, hour, minute, second, microsecond, tz, fold):
    """What the C constructor calls for arguments it does not take as they
    are: the eight int fields (fold last), or the error CPython raises."""
    year, month, day = _checked_date(year, month, day)
    clock = _checked_clock(hour, minute, second, microsecond, tz, fold)
    return (int(year), int(month), int(day), *map(int, clock), 1 if fold else 0)


def _checked_date_fields(year, month, day):
    return tuple(map(int, _checked_date(year, month, day)))


def _from_stamp(cls, stamp, tz):
    """The datetime [stamp] microseconds after 0001-01-01T00:00, in [tz]."""
    if not 0 <= stamp < _STAMP_LIMIT:
        raise OverflowError("date value out of range")
    days = stamp // _DAY
    rest = stamp - days * _DAY
    year, month, day = _from_ordinal(days + 1)
    return _new_datetime(cls, year, month, day, rest // _HOUR, rest // _MINUTE % 60,
                         rest // _SECOND % 60, rest % _SECOND, tz)


def _clock_difference(later, earlier):
    """Microseconds from [earlier] to [later], read as wall-clock fields."""
    if later._year == earlier._year and later._month == earlier._month:
        days = later._day - earlier._day
    else:
        days = (_to_ordinal(later._year, later._month, later._day)
                - _to_ordinal(earlier._year, earlier._month, earlier._day))
    return ((((days * 24 + later._hour - earlier._hour) * 60 + later._minute - earlier._minute)
             * 60 + later._second - earlier._second) * _SECOND
            + later._microsecond - earlier._microsecond)


def _local_zone_at(seconds):
    """The fixed-offset zone in force locally at POSIX time [seconds]."""
    local = _local_struct(seconds)
    gmtoff = getattr(local, "tm_gmtoff", None)
    if gmtoff is None:
        as_utc = _to_ordinal(*local[:3]) * 86400 + local[3] * 3600 + local[4] * 60 + local[5]
        gmtoff = as_utc - (_EPOCH_STAMP // _SECOND + seconds)
    name = getattr(local, "tm_zone", None)
    if name:
        return timezone(timedelta(seconds=gmtoff), name)
    return timezone(timedelta(seconds=gmtoff))


class _datetime_methods:
    """The methods of datetime written in Python, added to the C type
    _datetime.datetime at the end of the module.  Those the C type also
    has serve it as the slow road (see src/mod/datetime_datetime.c)."""

    def _clock(self):
        return self._hour, self._minute, self._second, self._microsecond

    def _stamp(self):
        return ((_to_ordinal(self._year, self._month, self._day) - 1) * _DAY
                + ((self._hour * 60 + self._minute) * 60 + self._second) * _SECOND
                + self._microsecond)

    # -- alternative constructors

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _checked_zone(tz)
        seconds, micro = _split_timestamp(t)
        if tz is None:
            local = _local_struct(seconds)
            year = local[0]
            # A leap second from the C library folds into the 59th second.
            if cls is datetime and MINYEAR <= year <= MAXYEAR:
                # The C library's other fields are in range already.
                return _new_datetime(datetime, year, local[1], local[2], local[3], local[4],
                                     min(local[5], 59), micro, None)
            return cls(year, local[1], local[2], local[3], local[4], min(local[5], 59), micro)
        stamp = _EPOCH_STAMP + seconds * _SECOND + micro
        if cls is datetime and type(tz) is timezone and 0 <= stamp < _STAMP_LIMIT:
            # What tz.fromutc would make of the UTC value, built directly.
            return _from_stamp(datetime, stamp + tz._offset._us, tz)
        return tz.fromutc(_from_stamp(cls, stamp, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        seconds, micro = _split_timestamp(t)
        return _from_stamp(cls, _EPOCH_STAMP + seconds * _SECOND + micro, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_type):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date).__name__)
        if not isinstance(time, _time_type):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time).__name__)
        zone = time.tzinfo if tzinfo is True else tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, zone, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        _require_str(date_string)
        fields = _quick_iso_datetime(date_string)
        if fields is not None:
            offset = fields[7]
            if offset is None:
                return cls(*fields)
            return cls(*fields[:7], _zone_for(offset))
        try:
            ymd, end = _scan_date(date_string)
            clock, offset = [0, 0, 0, 0], None
            if end < len(date_string):
                # Any single character may separate the date from the time.
                clock, offset = _scan_time(date_string, end + 1)
        except _BadIso:
            raise _invalid(date_string) from None
        return cls(*ymd, *clock, _zone_for(offset))

    @classmethod
    def strptime(cls, date_string, format):
        # The parser lives in its own module, loaded on first use; it needs
        # this module complete, and most programs never parse with a format.
        from _datetime_strptime import parse
        fields, tz = parse(date_string, format)
        if tz is None:
            return cls(*fields)
        return cls(*fields, tzinfo=tz)

    # -- parts and conversions

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(*self._clock(), fold=self._fold)

    def timetz(self):
        return time(*self._clock(), self._tzinfo, fold=self._fold)

    def utcoffset(self):
        tz = self._tzinfo
        if type(tz) is timezone:
            # Our fixed-offset zone answers with the offset its constructor
            # already checked.
            return tz._offset
        return _ask_zone(tz, "utcoffset", self)

    def dst(self):
        return _ask_zone(self._tzinfo, "dst", self)

    def tzname(self):
        return _ask_zone(self._tzinfo, "tzname", self)

    def timetuple(self):
        saving = self.dst()
        flag = -1 if saving is None else (1 if saving else 0)
        return _struct_time(self._year, self._month, self._day,
                            self._hour, self._minute, self._second, flag)

    def utctimetuple(self):
        moment = self
        offset = self.utcoffset()
        if offset:
            moment = _from_stamp(datetime, self._stamp() - offset._us, None)
        return _struct_time(moment._year, moment._month, moment._day,
                            moment._hour, moment._minute, moment._second, 0)

    def _local_seconds(self):
        """The POSIX time whose local wall clock shows these fields.

        Reading the fields as UTC gives an instant at most a day away from
        the answer.  When the local offset is the same a day either side of
        it, no clock change lies in between (zones do not change twice in
        two days), so that offset is the one in force and the answer is
        unique.  Near a change there are two candidates, one per offset.
        When both are real the wall clock repeats, and fold picks the
        earlier (0) or the later (1); when neither is, the fields fall in
        the gap a change skips, and fold 0 reads them with the offset from
        before the change, fold 1 with the one after, as PEP 495 asks.
        Only outside the C library's range is mktime the answer."""
        naive = ((_to_ordinal(self._year, self._month, self._day) - _EPOCH_ORDINAL) * 86400
                 + self._hour * 3600 + self._minute * 60 + self._second)
        try:
            before = _time.localtime(naive - 86400).tm_gmtoff
            after = _time.localtime(naive + 86400).tm_gmtoff
            if before == after:
                return naive - before
            first, second = naive - before, naive - after
            first_real = _time.localtime(first).tm_gmtoff == before
            second_real = _time.localtime(second).tm_gmtoff == after
        except (OverflowError, ValueError, OSError, AttributeError):
            first_real = second_real = None
        if first_real is not None:
            if first_real and second_real:
                return max(first, second) if self._fold else min(first, second)
            if first_real or second_real:
                return first if first_real else second
            return second if self._fold else first
        fields = (self._year, self._month, self._day, self._hour, self._minute,
                  self._second, -1, -1, -1)
        return int(_time.mktime(fields))

    def timestamp(self):
        offset = self.utcoffset()
        if offset is None:
            return self._local_seconds() + self._microsecond / _SECOND
        return (self._stamp() - offset._us - _EPOCH_STAMP) / _SECOND

    def astimezone(self, tz=None):
        _checked_zone(tz)
        offset = self.utcoffset()
        if offset is None:
            # Naive values stand for local time.
            offset = _local_zone_at(self._local_seconds()).utcoffset(None)
        elif tz is self._tzinfo:
            return self
        instant = self._stamp() - offset._us
        if tz is None:
            tz = _local_zone_at((instant - _EPOCH_STAMP) // _SECOND)
        return tz.fromutc(_from_stamp(type(self), instant, tz))

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        # Like CPython, the copy is made by datetime's own constructor even
        # for a subclass that overrides __new__; only the class is kept.
        return datetime.__new__(
            type(self), self._year if year is None else year,
            self._month if month is None else month, self._day if day is None else day,
            self._hour if hour is None else hour, self._minute if minute is None else minute,
            self._second if second is None else second,
            self._microsecond if microsecond is None else microsecond,
            self._tzinfo if tzinfo is True else tzinfo,
            fold=self._fold if fold is None else fold)

    # -- text

    def isoformat(self, sep="T", timespec="auto"):
        year = self._year
        micro = self._microsecond
        if timespec == "auto" and not micro and self._tzinfo is None and year >= 1000:
            # The commonest shape, built in one piece.
            return (f"{year}-{_TWO[self._month]}-{_TWO[self._day]}{sep}"
                    f"{_TWO[self._hour]}:{_TWO[self._minute]}:{_TWO[self._second]}")
        day = f"{year if year >= 1000 else _year_text(year)}-{_TWO[self._month]}-{_TWO[self._day]}"
        clock = _clock_text(self._hour, self._minute, self._second, micro, timespec)
        if self._tzinfo is None:
            return f"{day}{sep}{clock}"
        return f"{day}{sep}{clock}{_zone_suffix(self.utcoffset())}"

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        return _clock_repr(_shown_name(self), [self._year, self._month, self._day],
                           self._clock(), self._tzinfo, self._fold)

    def ctime(self):
        return self.strftime("%a %b %e %H:%M:%S %Y")

    def strftime(self, format):
        return _strftime(format, self, (self._year, self._month, self._day), self._clock())

    # -- comparison, hashing, arithmetic

    def _utc_stamp(self, offset):
        return self._stamp() - (offset._us if offset is not None else 0)

    def _pair(self, other, equality):
        if isinstance(other, datetime):
            if self._tzinfo is other._tzinfo:
                return self._stamp(), other._stamp()
            mine, theirs = self.utcoffset(), other.utcoffset()
            if (mine is None) != (theirs is None):
                if equality:
                    return _UNEQUAL
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            return self._utc_stamp(mine), other._utc_stamp(theirs)
        if isinstance(other, date):
            if equality:
                return _UNEQUAL
            raise TypeError("can't compare %s to %s" % (_shown_name(self), _shown_name(other)))
        return NotImplemented

    def __hash__(self):
        # The C type hashes naive values itself.  Equal aware values share
        # a UTC instant; fold never changes a hash.
        moment = self.replace(fold=0) if self._fold else self
        return hash(self._utc_stamp(moment.utcoffset()))

    def __sub__(self, other):
        # The C type subtracts timedeltas, and datetimes sharing a tzinfo.
        if not isinstance(other, datetime):
            return NotImplemented
        if self._tzinfo is other._tzinfo:
            return _span(_clock_difference(self, other))
        mine, theirs = self.utcoffset(), other.utcoffset()
        if (mine is None) != (theirs is None):
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return _span(self._utc_stamp(mine) - other._utc_stamp(theirs))

    def __reduce__(self):
        fields = (self._year, self._month, self._day) + self._clock() + (self._tzinfo,)
        return _rebuild, (type(self), fields, self._fold)


datetime = _c_datetime
_date_type = date
_time_type = time
_EPOCH_ORDINAL = _to_ordinal(1970, 1, 1)
_EPOCH_STAMP = (_EPOCH_ORDINAL - 1) * _DAY


# ---------------------------------------------------------------------------
# The Python-written methods join the C types.  A method the C type has
# itself stays C; the C side reaches the Python helpers it needs for rare
# cases (argument errors, tzinfo-aware comparison and hashing, unusual ISO
# text) under the private names given here.

def _methods_for(holder, c_type):
    """The entries of [holder] that [c_type] does not define itself."""
    own = vars(c_type)
    skip = ("__dict__", "__weakref__", "__module__", "__qualname__", "__doc__")
    return {name: value for name, value in vars(holder).items()
            if name not in own and name not in skip}


def _install():
    date_methods = vars(_date_methods)
    datetime_methods = vars(_datetime_methods)
    _c_add_methods(date, _methods_for(_date_methods, date) | {
        "_checked_date": _checked_date_fields,
        "_iso_date_slow": date_methods["fromisoformat"].__func__,
        "min": date(MINYEAR, 1, 1),
        "max": date(MAXYEAR, 12, 31),
        "resolution": timedelta(days=1),
    })
    _c_add_methods(datetime, _methods_for(_datetime_methods, datetime) | {
        "_checked_datetime": _checked_datetime,
        "_tzinfo_class": tzinfo,
        "_zone_for": _zone_for,
        "_compare": _compare,
        "_hash_slow": datetime_methods["__hash__"],
        "_repr_slow": datetime_methods["__repr__"],
        "_isoformat_slow": datetime_methods["isoformat"],
        "_sub_slow": datetime_methods["__sub__"],
        "_iso_datetime_slow": datetime_methods["fromisoformat"].__func__,
        "_timezone_class": timezone,
        "_fromtimestamp_slow": datetime_methods["fromtimestamp"].__func__,
        "_timestamp_slow": datetime_methods["timestamp"],
    })
    _c_add_methods(datetime, {
        "min": datetime(MINYEAR, 1, 1),
        "max": datetime(MAXYEAR, 12, 31, 23, 59, 59, 999999),
        "resolution": timedelta(microseconds=1),
    })


_install()
del _install, _date_methods, _datetime_methods
