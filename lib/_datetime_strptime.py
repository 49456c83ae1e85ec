"""datetime.strptime: reading a date and time by a format.

Design notes
------------
Split from datetime.py, which imports it on the first strptime call, so
the main module stays readable and programs that never parse by a format
never compile this.  It works on datetime's private calendar helpers and
hands back plain fields (and a timezone for %z); the caller builds the
datetime, so a subclass gets its own constructor called.

The format is split into tokens first (so a bad directive is reported
before any matching), then the text is consumed left to right.  Numeric
fields take as many digits as their width allows and back off one digit
when the longer reading is out of range, which is how CPython's regular
expressions behave for the inputs people actually write.
"""

from datetime import timedelta, timezone
from _datetime_calendar import (_checked_ordinal, _year_start, _weekday, _MONTH_ABBR,
                                _MONTH_NAMES, _DAY_ABBR, _DAY_NAMES)
from _datetime_text import _BadIso, _scan_clock

_NUMBER_FIELDS = {
    # directive: (field, most digits, fewest digits, lowest, highest)
    "d": ("day", 2, 1, 1, 31), "m": ("month", 2, 1, 1, 12),
    "y": ("short_year", 2, 2, 0, 99), "Y": ("year", 4, 4, 0, 9999),
    "H": ("hour", 2, 1, 0, 23), "I": ("hour12", 2, 1, 1, 12),
    "M": ("minute", 2, 1, 0, 59), "S": ("second", 2, 1, 0, 61),
    "f": ("fraction", 6, 1, 0, 999999), "j": ("yday", 3, 1, 1, 366),
    "w": ("sunday_weekday", 1, 1, 0, 6), "u": ("iso_weekday", 1, 1, 1, 7),
    "U": ("sunday_week", 2, 1, 0, 53), "W": ("monday_week", 2, 1, 0, 53),
}

_NAME_FIELDS = {
    "b": ("month", _MONTH_ABBR[1:], 1), "h": ("month", _MONTH_ABBR[1:], 1),
    "B": ("month", _MONTH_NAMES[1:], 1), "a": ("weekday", _DAY_ABBR, 0),
    "A": ("weekday", _DAY_NAMES, 0), "p": ("ampm", ("am", "pm"), 0),
    "Z": ("zone_name", ("utc", "gmt"), 0),
}


def _strptime_tokens(format):
    tokens = []
    pos = 0
    while pos < len(format):
        ch = format[pos]
        if ch == "%":
            if pos + 1 == len(format):
                raise ValueError("stray %% in format '%s'" % format)
            code = format[pos + 1]
            if code != "%" and code != "z" and code not in _NUMBER_FIELDS \
                    and code not in _NAME_FIELDS:
                raise ValueError("'%s' is a bad directive in format '%s'" % (code, format))
            tokens.append(("%", code) if code != "%" else ("text", "%"))
            pos += 2
        elif ch.isspace():
            while pos < len(format) and format[pos].isspace():
                pos += 1
            tokens.append(("space", None))
        else:
            tokens.append(("text", ch))
            pos += 1
    return tokens


def _read_number(text, pos, spec):
    field, most, fewest, low, high = spec
    if field == "day" and text[pos:pos + 1] == " " and "1" <= text[pos + 1:pos + 2] <= "9":
        return int(text[pos + 1]), pos + 2
    end = pos
    while end < len(text) and end - pos < most and "0" <= text[end] <= "9":
        end += 1
    while end - pos >= fewest:
        value = int(text[pos:end])
        if low <= value <= high or field == "fraction":
            return (text[pos:end] if field == "fraction" else value), end
        end -= 1
    return None, pos


def _read_offset(text, pos):
    """%z: 'Z' or [+-]HH[:]MM[[:]SS[.ffffff]]; (timezone, end) or (None, pos)."""
    if text[pos:pos + 1] == "Z":
        return timezone.utc, pos + 1
    sign = text[pos:pos + 1]
    if sign not in ("+", "-") or not sign:
        return None, pos
    try:
        clock, end = _scan_clock(text, pos + 1)
    except _BadIso:
        return None, pos
    if end - pos < 5:
        return None, pos
    span = timedelta(hours=clock[0], minutes=clock[1], seconds=clock[2],
                     microseconds=clock[3])
    return timezone(-span if sign == "-" else span), end


def _match_strptime(text, tokens):
    found = {}
    pos = 0
    for kind, code in tokens:
        if kind == "text":
            if text[pos:pos + 1].lower() != code.lower() or pos >= len(text):
                return None, pos
            pos += 1
        elif kind == "space":
            start = pos
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if pos == start:
                return None, pos
        elif code == "z":
            found["zone"], pos = _read_offset(text, pos)
            if found["zone"] is None:
                return None, pos
        elif code in _NUMBER_FIELDS:
            value, pos = _read_number(text, pos, _NUMBER_FIELDS[code])
            if value is None:
                return None, pos
            found[_NUMBER_FIELDS[code][0]] = value
        else:
            field, names, base = _NAME_FIELDS[code]
            lowered = text[pos:].lower()
            for index, name in enumerate(names):
                if lowered.startswith(name.lower()):
                    found[field] = index + base
                    pos += len(name)
                    break
            else:
                return None, pos
    return found, pos


def parse(text, format):
    for index, value in enumerate((text, format)):
        if not isinstance(value, str):
            raise TypeError("strptime() argument %d must be str, not %s"
                            % (index + 1, type(value).__name__))
    found, end = _match_strptime(text, _strptime_tokens(format))
    if found is None:
        raise ValueError("time data %r does not match format %r" % (text, format))
    if end != len(text):
        raise ValueError("unconverted data remains: %s" % text[end:])
    year = found.get("year")
    if year is None:
        short = found.get("short_year")
        year = 1900 if short is None else short + (2000 if short <= 68 else 1900)
    month = found.get("month", 1)
    day = found.get("day", 1)
    hour = found.get("hour", 0)
    if "hour12" in found:
        hour = found["hour12"] % 12 + (12 if found.get("ampm") == 1 else 0)
    micro = 0
    if "fraction" in found:
        micro = int(found["fraction"].ljust(6, "0"))
    weekday = found.get("weekday")
    if "sunday_weekday" in found:
        weekday = (found["sunday_weekday"] + 6) % 7
    elif "iso_weekday" in found:
        weekday = found["iso_weekday"] - 1
    ordinal = None
    if "yday" in found:
        ordinal = _year_start(year) + found["yday"] - 1
    elif weekday is not None and ("sunday_week" in found or "monday_week" in found):
        jan1 = _weekday(_year_start(year))
        if "monday_week" in found:
            first = (7 - jan1) % 7
            ordinal = _year_start(year) + first + (found["monday_week"] - 1) * 7 + weekday
        else:
            first = (6 - jan1) % 7
            ordinal = (_year_start(year) + first + (found["sunday_week"] - 1) * 7
                       + (weekday + 1) % 7)
    if ordinal is not None:
        year, month, day = _checked_ordinal(ordinal)
    fields = (year, month, day, hour, found.get("minute", 0), found.get("second", 0), micro)
    return fields, found.get("zone")
