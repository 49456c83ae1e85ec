"""Conversions between binary data and ASCII: base64, hex, uuencode and CRCs.

Design notes
------------
CPython's binascii is C; this one is plain Python over bytes and lists of
ints, which is enough for what scripts use it for (HTTP basic-auth headers,
small tokens). crc32 is zlib's C one, so the two modules always agree and
long data is fast. The error messages and the lenient base64 decoding rules
(characters outside the alphabet skipped, decoding stops at complete
padding) are CPython's.  Any buffer (memoryview, array) is accepted as
input by its raw bytes.  Not provided: the quoted-printable pair
(a2b_qp/b2a_qp).
"""

__all__ = ['Error', 'Incomplete', 'a2b_base64', 'b2a_base64', 'hexlify', 'unhexlify',
           'b2a_hex', 'a2b_hex', 'crc32', 'a2b_uu', 'b2a_uu', 'crc_hqx']

import zlib as _zlib


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64_DECODE = [255] * 256
for _i, _c in enumerate(_B64):
    _B64_DECODE[_c] = _i
del _i, _c


def _as_bytes(data, name):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    # Any other buffer (memoryview, array.array...) counts by its raw bytes.
    try:
        view = memoryview(data)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(data).__name__) from None
    with view:
        return view.tobytes()


def _ascii_data(data):
    # The a2b_* functions accept ASCII str as well as bytes.
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    return _as_bytes(data, 'data')


def b2a_base64(data, *, newline=True):
    """Base64 text (bytes) of [data], with a trailing newline by default."""
    data = _as_bytes(data, 'data')
    out = bytearray()
    alphabet = _B64
    n = len(data)
    full = n - n % 3
    for i in range(0, full, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((alphabet[v >> 18], alphabet[(v >> 12) & 63],
                      alphabet[(v >> 6) & 63], alphabet[v & 63]))
    rest = n - full
    if rest == 1:
        v = data[full] << 16
        out += bytes((alphabet[v >> 18], alphabet[(v >> 12) & 63])) + b'=='
    elif rest == 2:
        v = (data[full] << 16) | (data[full + 1] << 8)
        out += bytes((alphabet[v >> 18], alphabet[(v >> 12) & 63], alphabet[(v >> 6) & 63])) + b'='
    if newline:
        out += b'\n'
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    """Decode base64 [data] (bytes or ASCII str)."""
    data = _ascii_data(data)
    out = bytearray()
    table = _B64_DECODE
    quad_pos = 0
    leftchar = 0
    pads = 0
    padding_started = False
    n = len(data)
    if strict_mode and n and data[0] == 61:
        raise Error('Leading padding not allowed')
    i = 0
    while i < n:
        ch = data[i]
        if ch == 61:  # '='
            padding_started = True
            pads += 1
            if quad_pos >= 2 and quad_pos + pads >= 4:
                if strict_mode and i + 1 < n:
                    raise Error('Excess data after padding')
                return bytes(out)
            i += 1
            continue
        v = table[ch]
        if v == 255:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            i += 1
            continue
        if strict_mode and padding_started:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad_pos == 0:
            quad_pos = 1
            leftchar = v
        elif quad_pos == 1:
            quad_pos = 2
            out.append(((leftchar << 2) | (v >> 4)) & 0xFF)
            leftchar = v & 0x0F
        elif quad_pos == 2:
            quad_pos = 3
            out.append(((leftchar << 4) | (v >> 2)) & 0xFF)
            leftchar = v & 0x03
        else:
            quad_pos = 0
            out.append(((leftchar << 6) | v) & 0xFF)
            leftchar = 0
        i += 1
    if quad_pos == 1:
        raise Error('Invalid base64-encoded string: number of data characters (%d) '
                    'cannot be 1 more than a multiple of 4' % (len(out) // 3 * 4 + 1))
    if quad_pos != 0:
        raise Error('Incorrect padding')
    return bytes(out)


def hexlify(data, sep=None, bytes_per_sep=1):
    """Hexadecimal text (bytes) of [data]."""
    data = _as_bytes(data, 'data')
    if sep is None:
        return data.hex().encode('ascii')
    if isinstance(sep, bytes):
        sep = sep.decode('ascii')
    return data.hex(sep, bytes_per_sep).encode('ascii')


b2a_hex = hexlify


def unhexlify(hexstr):
    """The bytes of the hexadecimal text [hexstr]."""
    data = _ascii_data(hexstr)
    if len(data) % 2:
        raise Error('Odd-length string')
    try:
        return bytes.fromhex(data.decode('ascii'))
    except ValueError:
        raise Error('Non-hexadecimal digit found') from None


a2b_hex = unhexlify


def crc32(data, crc=0, /):
    """CRC-32 of [data], continuing from [crc]: zlib's, so both modules agree."""
    return _zlib.crc32(data, crc)


# --- uuencoding and the BinHex CRC ---------------------------------------------

def _uu_char(value, backtick):
    # One uuencoded character: 32 + value, with '`' standing for 0 on request.
    return 0x60 if backtick and value == 0 else 0x20 + value


def b2a_uu(data, /, *, backtick=False):
    """One uuencoded line (at most 45 bytes of [data]), newline included."""
    data = _as_bytes(data, 'data')
    if len(data) > 45:
        raise Error('At most 45 bytes at once')
    out = bytearray([_uu_char(len(data), backtick)])
    padded = data + b'\0' * (-len(data) % 3)
    for i in range(0, len(padded), 3):
        v = (padded[i] << 16) | (padded[i + 1] << 8) | padded[i + 2]
        out += bytes(_uu_char((v >> shift) & 63, backtick) for shift in (18, 12, 6, 0))
    out.append(10)
    return bytes(out)


def a2b_uu(data, /):
    """The bytes of one uuencoded line."""
    line = _ascii_data(data)
    if not line:
        return b'\0' * 32
    size = (line[0] - 32) & 63
    out = bytearray()
    bits = nbits = 0
    pos = 1
    while len(out) < size:
        c = line[pos] if pos < len(line) else 10
        pos += 1
        if c in (10, 13):
            # A line that ends early reads as zero bits.
            value = 0
        elif c < 32 or c > 96:
            raise Error('Illegal char')
        else:
            value = (c - 32) & 63
        bits = (bits << 6) | value
        nbits += 6
        if nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 255)
            bits &= (1 << nbits) - 1
    for c in line[pos:]:
        if c not in (32, 96, 10, 13):
            raise Error('Trailing garbage')
    return bytes(out)


_hqx_table = None


def crc_hqx(data, crc, /):
    """CRC-CCITT (polynomial 0x1021, as BinHex uses) of [data] from [crc]."""
    global _hqx_table
    if _hqx_table is None:
        table = []
        for byte in range(256):
            value = byte << 8
            for _ in range(8):
                value = ((value << 1) ^ 0x1021) if value & 0x8000 else value << 1
            table.append(value & 0xffff)
        _hqx_table = table
    crc &= 0xffff
    table = _hqx_table
    for byte in _as_bytes(data, 'data'):
        crc = ((crc << 8) & 0xff00) ^ table[(crc >> 8) ^ byte]
    return crc
