"""Text in and out of datetime values: ISO 8601 scanning and strftime.

Design notes
------------
Split from datetime.py, which binds these helpers as its own globals.  The
functions see a value only through plain fields (year, month, day and the
clock as ints) plus, for %z and %Z, the object's utcoffset() and tzname()
and a timedelta's microsecond count; they never construct a datetime
object, which is what lets this module come before the classes.

The ISO scanners raise _BadIso for malformed text and leave range errors
to the constructors, so datetime's public methods can word both errors as
CPython does.  strftime works from a plan parsed once per format string
(see _strftime_plan) instead of re-reading the format on every call.
"""

from _datetime_calendar import (_DAY_ABBR, _DAY_NAMES, _MINUTE, _MONTH_ABBR, _MONTH_NAMES,
                                _SECOND, _checked_ordinal, _iso_calendar, _iso_week_ordinal,
                                _to_ordinal, _weekday, _year_start)

# ---------------------------------------------------------------------------
# Text helpers used by isoformat, tzname and strftime.

def _offset_text(offset, separator):
    """[offset] as +HH:MM, growing :SS and .ffffff only when they are set."""
    total = offset._us
    sign = "-" if total < 0 else "+"
    minutes, rest = divmod(abs(total), _MINUTE)
    seconds, micro = divmod(rest, _SECOND)
    text = "%s%02d%s%02d" % (sign, minutes // 60, separator, minutes % 60)
    if seconds or micro:
        text += "%s%02d" % (separator, seconds)
        if micro:
            text += ".%06d" % micro
    return text


# Two-digit fields are looked up rather than formatted: an f-string of
# table entries costs a fraction of "%02d" formatting, and isoformat, str
# and strftime spend most of their time there.
_TWO = tuple("%02d" % n for n in range(100))


def _year_text(year):
    return str(year) if year >= 1000 else "%04d" % year


def _clock_text(hour, minute, second, micro, timespec):
    if timespec == "auto":
        if micro:
            return f"{_TWO[hour]}:{_TWO[minute]}:{_TWO[second]}.{micro:06d}"
        return f"{_TWO[hour]}:{_TWO[minute]}:{_TWO[second]}"
    if timespec == "hours":
        return _TWO[hour]
    if timespec == "minutes":
        return f"{_TWO[hour]}:{_TWO[minute]}"
    text = f"{_TWO[hour]}:{_TWO[minute]}:{_TWO[second]}"
    if timespec == "seconds":
        return text
    if timespec == "milliseconds":
        return "%s.%03d" % (text, micro // 1000)
    if timespec == "microseconds":
        return "%s.%06d" % (text, micro)
    raise ValueError("Unknown timespec value")


def _zone_suffix(offset):
    return "" if offset is None else _offset_text(offset, ":")


# ---------------------------------------------------------------------------
# ISO 8601 parsing.  The scanners raise _BadIso; the public methods turn it
# into "Invalid isoformat string", while range errors found by the
# constructors reach the caller unchanged, as they do in CPython.

class _BadIso(Exception):
    pass


def _digits(text, start, count):
    piece = text[start:start + count]
    if len(piece) != count:
        raise _BadIso
    for ch in piece:
        if not "0" <= ch <= "9":
            raise _BadIso
    return int(piece)


def _is_digit_at(text, pos):
    return "0" <= text[pos:pos + 1] <= "9" and pos < len(text)


def _scan_date(text):
    """Read YYYY-MM-DD, YYYYMMDD or an ISO week date; ((y, m, d), end)."""
    year = _digits(text, 0, 4)
    dashed = text[4:5] == "-"
    pos = 5 if dashed else 4
    if text[pos:pos + 1] == "W":
        week = _digits(text, pos + 1, 2)
        pos += 3
        day = 1
        if dashed and text[pos:pos + 1] == "-":
            day = _digits(text, pos + 1, 1)
            pos += 2
        elif not dashed and _is_digit_at(text, pos):
            day = _digits(text, pos, 1)
            pos += 1
        try:
            ordinal = _iso_week_ordinal(year, week, day)
            return _checked_ordinal(ordinal), pos
        except ValueError:
            raise _BadIso
    month = _digits(text, pos, 2)
    pos += 2
    if dashed:
        if text[pos:pos + 1] != "-":
            raise _BadIso
        pos += 1
    return (year, month, _digits(text, pos, 2)), pos + 2


def _scan_clock(text, pos):
    """Read HH[[:]MM[[:]SS]][(.|,)digits] at [pos]; ([h, m, s, us], end)."""
    clock = [_digits(text, pos, 2), 0, 0, 0]
    pos += 2
    colons = None
    for index in (1, 2):
        if text[pos:pos + 1] == ":":
            if colons is False:
                raise _BadIso
            colons = True
            pos += 1
        elif _is_digit_at(text, pos):
            if colons:
                raise _BadIso
            colons = False
        else:
            break
        clock[index] = _digits(text, pos, 2)
        pos += 2
    if text[pos:pos + 1] in (".", ",") and pos < len(text):
        end = pos + 1
        while _is_digit_at(text, end):
            end += 1
        if end == pos + 1:
            raise _BadIso
        # Digits past the sixth are dropped, not rounded.
        clock[3] = int(text[pos + 1:min(end, pos + 7)].ljust(6, "0"))
        pos = end
    return clock, pos


def _scan_time(text, pos):
    """Clock plus optional offset filling the rest of [text].

    Returns the clock list and the offset in microseconds, or None when
    the time is naive."""
    clock, pos = _scan_clock(text, pos)
    if pos == len(text):
        return clock, None
    sign = text[pos]
    if sign == "Z" and pos + 1 == len(text):
        return clock, 0
    if sign not in "+-":
        raise _BadIso
    hours, minutes, seconds, micro = _scan_clock(text, pos + 1)[0]
    if _scan_clock(text, pos + 1)[1] != len(text):
        raise _BadIso
    offset = ((hours * 60 + minutes) * 60 + seconds) * _SECOND + micro
    return clock, -offset if sign == "-" else offset


def _quick_iso_date(text):
    """(year, month, day) for text that is exactly YYYY-MM-DD, else None."""
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        # The digit runs are checked and converted as one number, which
        # costs a third of testing and converting each field on its own.
        digits = text[:4] + text[5:7] + text[8:]
        if digits.isdigit() and digits.isascii():
            number = int(digits)
            return number // 10000, number // 100 % 100, number % 100
    return None


def _quick_iso_datetime(text):
    """The constructor fields for the shapes most ISO text takes, or None
    for anything else (which the general scanners then read).

    The shapes: YYYY-MM-DD, or that, any one separator and HH:MM:SS,
    optionally followed by .ffffff and then by +HH:MM or -HH:MM.  The
    result is (year, month, day, hour, minute, second, microsecond,
    offset), the offset in microseconds or None for naive text."""
    size = len(text)
    if size == 10:
        ymd = _quick_iso_date(text)
        return None if ymd is None else ymd + (0, 0, 0, 0, None)
    if size < 19 or not (text[4] == "-" and text[7] == "-" and text[13] == ":" and
                         text[16] == ":"):
        return None
    digits = text[:4] + text[5:7] + text[8:10] + text[11:13] + text[14:16] + text[17:19]
    fraction = zone = ""
    pos = 19
    if size - pos >= 7 and text[pos] == ".":
        fraction = text[20:26]
        pos = 26
    if size - pos == 6:
        sign = text[pos]
        if not ((sign == "+" or sign == "-") and text[pos + 3] == ":"):
            return None
        zone = text[pos + 1:pos + 3] + text[pos + 4:]
    elif size != pos:
        return None
    every = digits + fraction + zone
    if not (every.isdigit() and every.isascii()):
        return None
    number = int(digits)
    clock = number % 1000000
    offset = None
    if zone:
        hours, minutes = divmod(int(zone), 100)
        if hours > 23 or minutes > 59:
            return None
        offset = (hours * 60 + minutes) * _MINUTE
        if sign == "-":
            offset = -offset
    date = number // 1000000
    return (date // 10000, date // 100 % 100, date % 100, clock // 10000, clock // 100 % 100,
            clock % 100, int(fraction) if fraction else 0, offset)


def _require_str(value):
    if not isinstance(value, str):
        raise TypeError("fromisoformat: argument must be str")


def _invalid(text):
    return ValueError("Invalid isoformat string: %r" % (text,))


# ---------------------------------------------------------------------------
# strftime, for the C locale.  Composite directives expand into simpler
# ones first; unknown directives are copied through as the C library does.

_COMPOSITES = {"c": "%a %b %e %H:%M:%S %Y", "x": "%m/%d/%y", "D": "%m/%d/%y",
               "X": "%H:%M:%S", "T": "%H:%M:%S", "R": "%H:%M",
               "r": "%I:%M:%S %p", "F": "%Y-%m-%d", "h": "%b"}


def _expand_composites(fmt):
    if "%" not in fmt:
        return fmt
    pieces = []
    pos = 0
    while pos < len(fmt):
        ch = fmt[pos]
        if ch == "%" and pos + 1 < len(fmt):
            code = fmt[pos + 1]
            pieces.append(_COMPOSITES.get(code, "%" + code))
            pos += 2
        else:
            pieces.append(ch)
            pos += 1
    return "".join(pieces)


# A format is taken apart once into literal runs and (code, padded)
# directives, and the plan is kept: programs format with a handful of
# formats, over and over.  The cache is emptied when it fills, so a program
# that builds formats on the fly cannot grow it without bound.
_PLANS = {}
_PLAN_LIMIT = 64
_CALENDAR_CODES = frozenset("aAwuUWjGV")
# Every directive _strftime knows; others are copied through as text.
_STRFTIME_CODES = frozenset("dmyYCHIMSfjwuUWVGeklaAbBpPzZnt%")


# A plan whose directives all depend on the seven fields alone is also
# turned into a small function returning one f-string, so that formatting
# with it is a single call instead of a loop over the directives.  Each
# entry is the replacement field that produces a directive's text; the
# generated function names its arguments year, month, day, hour, minute,
# second and micro, and computes wd (the weekday, Monday 0) and yday only
# when some field uses them.
_FIELD_CODE = {
    "d": "{_T[day]}", "m": "{_T[month]}", "y": "{_T[year % 100]}", "Y": "{year}",
    "H": "{_T[hour]}", "I": "{_T[hour % 12 or 12]}", "M": "{_T[minute]}",
    "S": "{_T[second]}", "f": "{micro:06d}", "e": "{day:2d}", "k": "{hour:2d}",
    "l": "{(hour % 12 or 12):2d}", "p": "{'AM' if hour < 12 else 'PM'}",
    "P": "{'am' if hour < 12 else 'pm'}", "b": "{_MONTH_ABBR[month]}",
    "B": "{_MONTH_NAMES[month]}", "a": "{_DAY_ABBR[wd]}", "A": "{_DAY_NAMES[wd]}",
    "w": "{(wd + 1) % 7}", "j": "{yday:03d}",
}
_FIELD_LITERAL = {"n": "\n", "t": "\t", "%": "%"}
_FIELD_NAMES = {"_T": _TWO, "_MONTH_ABBR": _MONTH_ABBR, "_MONTH_NAMES": _MONTH_NAMES,
                "_DAY_ABBR": _DAY_ABBR, "_DAY_NAMES": _DAY_NAMES, "_weekday": _weekday,
                "_to_ordinal": _to_ordinal, "_year_start": _year_start}
# Literal text goes into the f-string as it is when nothing in it could
# end the string or start a replacement field; other text is passed in.
_PLAIN_TEXT = frozenset(" !#$&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`"
                        "abcdefghijklmnopqrstuvwxyz|~%")


def _compiled_plan(items):
    """The function formatting [items] from the seven fields, or None when
    a directive needs more (the zone, an unpadded number, ISO weeks)."""
    pieces = []
    passed = []
    for item in items:
        if type(item) is tuple:
            code, padded = item
            if code in _FIELD_LITERAL:
                item = _FIELD_LITERAL[code]
            elif not padded or code not in _FIELD_CODE:
                if padded and code not in _STRFTIME_CODES:
                    # Unknown directives are copied through.
                    item = "%" + code
                else:
                    return None
            else:
                pieces.append(_FIELD_CODE[code])
                continue
        if all(ch in _PLAIN_TEXT for ch in item):
            pieces.append(item)
        else:
            pieces.append("{_L[%d]}" % len(passed))
            passed.append(item)
    body = "".join(pieces)
    lines = ["def format(year, month, day, hour, minute, second, micro, _L=_L):"]
    if "wd" in body or "yday" in body:
        lines.append("    ordinal = _to_ordinal(year, month, day)")
        lines.append("    wd = _weekday(ordinal)")
        lines.append("    yday = ordinal - _year_start(year) + 1")
    lines.append('    return f"%s"' % body)
    names = dict(_FIELD_NAMES)
    names["_L"] = tuple(passed)
    exec("\n".join(lines), names)
    return names["format"]


def _strftime_plan(fmt):
    plan = _PLANS.get(fmt)
    if plan is not None:
        return plan
    expanded = _expand_composites(fmt)
    items = []
    literal = []
    pos = 0
    while pos < len(expanded):
        ch = expanded[pos]
        if ch != "%" or pos + 1 == len(expanded):
            literal.append(ch)
            pos += 1
            continue
        code = expanded[pos + 1]
        pos += 2
        padded = True
        if code == "-" and pos < len(expanded):
            padded = False
            code = expanded[pos]
            pos += 1
        if literal:
            items.append("".join(literal))
            literal = []
        items.append((code, padded))
    if literal:
        items.append("".join(literal))
    # Whether any directive needs the weekday or the day of the year.
    calendar = any(type(item) is tuple and item[0] in _CALENDAR_CODES for item in items)
    plan = (tuple(items), calendar, _compiled_plan(items))
    if len(_PLANS) >= _PLAN_LIMIT:
        _PLANS.clear()
    _PLANS[fmt] = plan
    return plan


def _strftime(fmt, obj, ymd, clock):
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    items, calendar, compiled = _strftime_plan(fmt)
    if compiled is not None:
        return compiled(*ymd, *clock)
    year, month, day = ymd
    hour, minute, second, micro = clock
    ordinal = weekday = sunday_based = yday = iso = None
    if calendar:
        ordinal = _to_ordinal(year, month, day)
        weekday = _weekday(ordinal)
        sunday_based = (weekday + 1) % 7
        yday = ordinal - _year_start(year) + 1
    out = []
    for item in items:
        if type(item) is str:
            out.append(item)
            continue
        code, padded = item
        if code in "GVu" and iso is None:
            iso = _iso_calendar(ordinal, year)
        number = width = None
        if code == "d":
            number, width = day, 2
        elif code == "m":
            number, width = month, 2
        elif code == "y":
            number, width = year % 100, 2
        elif code == "Y":
            number, width = year, 1
        elif code == "C":
            number, width = year // 100, 2 if year >= 1000 else 1
        elif code == "H":
            number, width = hour, 2
        elif code == "I":
            number, width = hour % 12 or 12, 2
        elif code == "M":
            number, width = minute, 2
        elif code == "S":
            number, width = second, 2
        elif code == "f":
            number, width = micro, 6
        elif code == "j":
            number, width = yday, 3
        elif code == "w":
            number, width = sunday_based, 1
        elif code == "u":
            number, width = iso[2], 1
        elif code == "U":
            number, width = (yday + 6 - sunday_based) // 7, 2
        elif code == "W":
            number, width = (yday + 6 - weekday) // 7, 2
        elif code == "V":
            number, width = iso[1], 2
        elif code == "G":
            number, width = iso[0], 1
        elif code in "ekl":
            value = {"e": day, "k": hour, "l": hour % 12 or 12}[code]
            out.append("%2d" % value if padded else str(value))
        elif code == "a":
            out.append(_DAY_ABBR[weekday])
        elif code == "A":
            out.append(_DAY_NAMES[weekday])
        elif code == "b":
            out.append(_MONTH_ABBR[month])
        elif code == "B":
            out.append(_MONTH_NAMES[month])
        elif code == "p":
            out.append("AM" if hour < 12 else "PM")
        elif code == "P":
            out.append("am" if hour < 12 else "pm")
        elif code == "z":
            offset = obj.utcoffset() if obj is not None else None
            out.append("" if offset is None else _offset_text(offset, ""))
        elif code == "Z":
            name = obj.tzname() if obj is not None else None
            out.append(name or "")
        elif code == "n":
            out.append("\n")
        elif code == "t":
            out.append("\t")
        elif code == "%":
            out.append("%")
        else:
            out.append("%" + code)
        if number is not None:
            if width == 2 and padded and 0 <= number < 100:
                out.append(_TWO[number])
            else:
                out.append("%0*d" % (width, number) if padded else str(number))
    return "".join(out)


def _format_spec(obj, spec):
    if not isinstance(spec, str):
        raise TypeError("must be str, not %s" % type(spec).__name__)
    return obj.strftime(spec) if spec else str(obj)
