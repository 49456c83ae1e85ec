"""IANA time zones for datetime: Python 3.11's zoneinfo.

ZoneInfo(key) reads the compiled time zone database (TZif files under
TZPATH, /usr/share/zoneinfo on Debian: package tzdata) and answers
utcoffset(), dst(), tzname() and fromutc() for any datetime, the gaps and
repeated hours of clock changes resolved by datetime's fold (PEP 495).
Instances are cached per key, so ZoneInfo(key) is ZoneInfo(key) while one
is alive; no_cache() makes a fresh one, from_file() reads any TZif stream.
"""

import bisect
import collections
import weakref
from datetime import datetime, tzinfo

from . import _tzpath
from ._common import ZoneInfoNotFoundError, read_tzif
from ._rules import NO_KIND, Kind, Rule, delta, parse as _parse_rule

__all__ = ["ZoneInfo", "reset_tzpath", "available_timezones", "TZPATH",
           "ZoneInfoNotFoundError", "InvalidTZPathWarning"]

reset_tzpath = _tzpath.reset_tzpath
available_timezones = _tzpath.available_timezones
InvalidTZPathWarning = _tzpath.InvalidTZPathWarning

_EPOCH_ORDINAL = 719163  # date(1970, 1, 1).toordinal()


def __getattr__(name):
    # TZPATH is read from _tzpath each time: reset_tzpath() rebinds it.
    if name == "TZPATH":
        return _tzpath.TZPATH
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + ["TZPATH"])


def _local_seconds(dt):
    """[dt]'s wall-clock time as seconds since 1970-01-01 00:00 (no zone)."""
    return ((dt.toordinal() - _EPOCH_ORDINAL) * 86400 + dt.hour * 3600 + dt.minute * 60
            + dt.second)


def _dst_offsets(type_of, types):
    """The DST amount of each local time type, which TZif files do not
    record: a DST type's offset minus that of the standard time next to it
    in the transitions (before, else after); one hour if none tells."""
    count = len(types)
    found = [0] * count
    wanted = sum(1 for _, isdst, _ in types if isdst)
    done = 0
    for i in range(1, len(type_of)):
        if done == wanted:
            break
        kind = type_of[i]
        if not types[kind][1] or found[kind]:
            continue
        amount = 0
        before = type_of[i - 1]
        if not types[before][1]:
            amount = types[kind][0] - types[before][0]
        if not amount and kind < count - 1 and i + 1 < len(type_of):
            after = type_of[i + 1]
            if types[after][1]:
                continue  # DST again: a later transition may tell
            amount = types[kind][0] - types[after][0]
        if amount:
            done += 1
            found[kind] = amount
    else:
        for kind in range(count):
            if types[kind][1] and not found[kind]:
                found[kind] = 3600
    return found


def _wall_times(utc_times, type_of, types):
    """The transitions as wall-clock seconds, twice: [0] as read with the
    larger of the offsets on either side of each transition (fold=0),
    [1] with the smaller (fold=1)."""
    if not utc_times:
        return [], []
    first, second = list(utc_times), list(utc_times)
    for i in range(len(type_of)):
        if i == 0:
            before = types[0][0]
            after = types[type_of[0]][0] if len(types) > 1 else before
        else:
            before, after = types[type_of[i - 1]][0], types[type_of[i]][0]
        first[i] += max(before, after)
        second[i] += min(before, after)
    return first, second


class ZoneInfo(tzinfo):
    _strong_cache_size = 8
    _strong_cache = collections.OrderedDict()
    _weak_cache = weakref.WeakValueDictionary()

    def __init_subclass__(cls):
        # Each subclass caches its own instances.
        cls._strong_cache = collections.OrderedDict()
        cls._weak_cache = weakref.WeakValueDictionary()

    def __new__(cls, key):
        zone = cls._weak_cache.get(key)
        if zone is None:
            zone = cls._weak_cache.setdefault(key, cls._load(key))
            zone._from_cache = True
        # The few most recent keys stay alive even when nothing else
        # holds them.
        strong = cls._strong_cache
        strong[key] = strong.pop(key, zone)
        if len(strong) > cls._strong_cache_size:
            strong.popitem(last=False)
        return zone

    @classmethod
    def no_cache(cls, key):
        zone = cls._load(key)
        zone._from_cache = False
        return zone

    @classmethod
    def from_file(cls, fobj, /, key=None):
        zone = super().__new__(cls)
        zone._key = key
        zone._file_repr = repr(fobj)
        zone._read(fobj.read())
        return zone

    @classmethod
    def clear_cache(cls, *, only_keys=None):
        if only_keys is None:
            cls._weak_cache.clear()
            cls._strong_cache.clear()
            return
        for key in only_keys:
            cls._weak_cache.pop(key, None)
            cls._strong_cache.pop(key, None)

    @classmethod
    def _load(cls, key):
        path = _tzpath.find_tzfile(key)
        if path is None:
            raise ZoneInfoNotFoundError(f"No time zone found with key {key}")
        zone = super().__new__(cls)
        zone._key = key
        zone._file_repr = None
        with open(path, "rb") as f:
            zone._read(f.read())
        return zone

    def _read(self, data):
        utc_times, type_of, types, footer = read_tzif(data)
        dst_amounts = _dst_offsets(type_of, types)
        kinds = [Kind(delta(offset), delta(amount), name)
                 for (offset, _, name), amount in zip(types, dst_amounts)]
        self._utc_times = utc_times
        self._wall = _wall_times(utc_times, type_of, types)
        self._kinds = [kinds[i] for i in type_of]
        # Before the first transition: the first standard-time type.
        self._before = next((kinds[i] for i, t in enumerate(types) if not t[1]),
                            self._kinds[0] if self._kinds else None)
        if footer:
            self._after = _parse_rule(footer)
        elif self._kinds or kinds:
            self._after = self._kinds[-1] if self._kinds else kinds[-1]
        else:
            raise ValueError("No time zone information found.")
        # A zone whose answers never depend on the datetime (datetime.time
        # objects get answers only from such zones).
        if len(kinds) > 1 or isinstance(self._after, Rule):
            self._fixed = False
        else:
            self._fixed = not kinds or kinds[0] == self._after

    @property
    def key(self):
        return self._key

    def _kind(self, dt):
        if dt is None:
            return self._after if self._fixed else NO_KIND
        seconds = _local_seconds(dt)
        wall = self._wall[dt.fold]
        if wall and seconds < wall[0]:
            return self._before
        if not wall or seconds > wall[-1]:
            after = self._after
            return after.kind_at_local(seconds, dt.year, dt.fold) if isinstance(after, Rule) \
                else after
        return self._kinds[bisect.bisect_right(wall, seconds) - 1]

    def utcoffset(self, dt):
        return self._kind(dt).utcoff

    def dst(self, dt):
        return self._kind(dt).dstoff

    def tzname(self, dt):
        return self._kind(dt).tzname

    def fromutc(self, dt):
        """Convert from datetime in UTC to datetime in local time"""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        seconds = _local_seconds(dt)
        times = self._utc_times
        count = len(times)
        fold = False
        if count and seconds < times[0]:
            kind = self._before
        elif (not count or seconds > times[-1]) and isinstance(self._after, Rule):
            kind, fold = self._after.kind_at_utc(seconds, dt.year)
        elif not count:
            kind = self._after
        else:
            i = bisect.bisect_right(times, seconds)
            if count > 1 and seconds >= times[1]:
                previous, kind = self._kinds[i - 2], self._kinds[i - 1]
            elif seconds > times[-1]:
                previous, kind = self._kinds[-1], self._after
            else:
                previous, kind = self._before, self._kinds[0]
            # Within the repeated hour after a backward change: fold=1.
            shift = (previous.utcoff - kind.utcoff).total_seconds()
            fold = shift > seconds - times[i - 1]
        dt += kind.utcoff
        return dt.replace(fold=1) if fold else dt

    def __str__(self):
        return self._key if self._key is not None else repr(self)

    def __repr__(self):
        name = "zoneinfo.ZoneInfo" if type(self) is ZoneInfo else type(self).__name__
        if self._key is not None:
            return f"{name}(key={self._key!r})"
        return f"{name}.from_file({self._file_repr})"

    def __reduce__(self):
        if self._file_repr is not None:
            import pickle
            raise pickle.PicklingError(
                "Cannot pickle a ZoneInfo file from a file stream.")
        return (type(self)._unpickle, (self._key, self._from_cache))

    @classmethod
    def _unpickle(cls, key, from_cache, /):
        return cls(key) if from_cache else cls.no_cache(key)
