"""Reading TZif files (RFC 8536), the compiled time zone database.

read_tzif(data) returns what a ZoneInfo needs from one file: the
transition times (UTC seconds), the local time type in force after each,
the types themselves as (UTC offset seconds, is-DST flag, abbreviation),
and the footer's POSIX TZ string (bytes; None in a version 1 file), which
says what happens after the last transition.
"""

import struct


class ZoneInfoNotFoundError(KeyError):
    """Exception raised when a ZoneInfo key is not found."""


_HEADER = struct.Struct(">4sc15x6l")


def _header(data, offset):
    if data[offset:offset + 4] != b"TZif":
        raise ValueError("Invalid TZif file: magic not found")
    _, version, isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = _HEADER.unpack_from(
        data, offset)
    version = 1 if version == b"\x00" else int(version)
    return version, (isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt)


def _block_size(counts, time_size):
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
    return (timecnt * (time_size + 1) + typecnt * 6 + charcnt
            + leapcnt * (time_size + 4) + isstdcnt + isutcnt)


def read_tzif(data):
    version, counts = _header(data, 0)
    pos = _HEADER.size
    time_code, time_size = "l", 4
    if version >= 2:
        # The version 1 block is there for old readers: the 64-bit block
        # after a second header says the same for all of time.
        pos += _block_size(counts, 4)
        version, counts = _header(data, pos)
        pos += _HEADER.size
        time_code, time_size = "q", 8
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
    # A truncated file ends in struct.error from the unpacking, as CPython.

    times = struct.unpack_from(">%d%s" % (timecnt, time_code), data, pos)
    pos += timecnt * time_size
    type_of = struct.unpack_from(">%dB" % timecnt, data, pos)
    pos += timecnt
    records = [struct.unpack_from(">lbB", data, pos + 6 * i) for i in range(typecnt)]
    pos += typecnt * 6
    names = data[pos:pos + charcnt]
    pos += charcnt
    # An abbreviation is the text from its index to the next NUL; two may
    # share bytes ("AHST" and "HST").
    types = []
    for offset, isdst, index in records:
        end = names.find(b"\x00", index)
        types.append((offset, isdst, names[index:end if end >= 0 else len(names)].decode()))

    footer = None
    if version >= 2:
        pos += leapcnt * (time_size + 4) + isstdcnt + isutcnt
        end = data.find(b"\n", pos + 1)
        if data[pos:pos + 1] != b"\n" or end < 0:
            raise ValueError("Invalid TZif file: footer not found")
        footer = data[pos + 1:end]
    return list(times), list(type_of), types, footer
