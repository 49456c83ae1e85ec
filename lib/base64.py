"""Base16, Base32 and Base64 encodings of binary data (RFC 4648), plus the
line-wrapped Base64 of MIME.

Design notes
------------
Base64 and hex conversion are done by binascii (lib/binascii.py); this
module adds the argument rules, the alternative alphabets and Base32,
which binascii lacks.

Argument rules, as in CPython: encoders accept bytes-like objects only;
decoders also accept str, provided it is pure ASCII.

Alphabet swaps ('+/' to '-_' for the URL-safe variant, or any two
altchars) go through a 256-entry byte table, since gilpy's bytes type has
no maketrans/translate.

Base32 works on 5-byte groups: each group is read as one 40-bit integer
and cut into eight 5-bit digits.  A short final group yields only the
digits that carry data, and '=' fills the group up to eight characters.

Left out: Base85 and Ascii85 (b85*, a85*, z85*).
"""

import binascii

__all__ = [
    # Base64, with its URL-safe and MIME line-wrapped forms
    'b64encode', 'b64decode', 'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode', 'encodebytes', 'decodebytes',
    # Base32 and Base16
    'b32encode', 'b32decode', 'b32hexencode', 'b32hexdecode',
    'b16encode', 'b16decode',
    # file to file
    'encode', 'decode',
]

bytes_types = (bytes, bytearray)

# MIME lines carry at most 76 characters: 19 groups of 4, i.e. 57 bytes.
MAXLINESIZE = 76
MAXBINSIZE = MAXLINESIZE // 4 * 3


# What CPython says about a non-bytes argument depends on which of its
# internals noticed it first; the messages are kept per function.
_NEED_BYTES = "a bytes-like object is required, not '%s'"
_NEED_BYTES_MIME = "expected bytes-like object, not %s"
_NEED_BYTES_B32 = "memoryview: a bytes-like object is required, not '%s'"


def _to_encode(data, complaint=_NEED_BYTES):
    """A bytes copy of an encoder's argument."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(complaint % type(data).__name__)


def _to_decode(data):
    """A bytes copy of a decoder's argument, which may be an ASCII str."""
    if isinstance(data, str):
        if not data.isascii():
            raise ValueError('string argument should contain only ASCII characters')
        return data.encode('ascii')
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError("argument should be a bytes-like object or ASCII string, not %r"
                    % type(data).__name__)


def _swap(data, old, new):
    """[data] with each byte of [old] replaced by the byte at the same
    position in [new]."""
    if not any(byte in data for byte in old):
        return data
    table = list(range(256))
    for was, now in zip(old, new):
        table[was] = now
    return bytes([table[byte] for byte in data])


def _two_chars(altchars):
    assert len(altchars) == 2, repr(altchars)
    return altchars


# ---------------------------------------------------------------------------
# Base64


def b64encode(s, altchars=None):
    """Base64 of the bytes-like [s]; [altchars], two bytes, replace '+'
    and '/'."""
    text = binascii.b2a_base64(_to_encode(s), newline=False)
    if altchars is None:
        return text
    return _swap(text, b'+/', _two_chars(altchars))


def b64decode(s, altchars=None, validate=False):
    """Decode Base64.  Characters outside the alphabet are skipped, or an
    error when [validate] is true."""
    raw = _to_decode(s)
    if altchars is not None:
        raw = _swap(raw, _two_chars(_to_decode(altchars)), b'+/')
    return binascii.a2b_base64(raw, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    """Base64 with '-' and '_' in place of '+' and '/' (RFC 4648, 5)."""
    return _swap(b64encode(s), b'+/', b'-_')


def urlsafe_b64decode(s):
    return b64decode(_swap(_to_decode(s), b'-_', b'+/'))


def encodebytes(s):
    """Base64 cut into lines of at most 76 characters, each ending in a
    newline (MIME)."""
    data = _to_encode(s, _NEED_BYTES_MIME)
    return b''.join(binascii.b2a_base64(data[at:at + MAXBINSIZE])
                    for at in range(0, len(data), MAXBINSIZE))


def decodebytes(s):
    """Decode what encodebytes() produced."""
    return binascii.a2b_base64(_to_encode(s, _NEED_BYTES_MIME))


# ---------------------------------------------------------------------------
# Base32


_B32_DIGITS = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32_HEX_DIGITS = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
_B32_VALUES = {}


def _digit_values(digits):
    values = _B32_VALUES.get(digits)
    if values is None:
        values = _B32_VALUES[digits] = {d: v for v, d in enumerate(digits)}
    return values


# How many '=' end a group, keyed by the number of data bytes in it; the
# digits that carry data are the other ones.
_PAD_FOR_BYTES = {1: 6, 2: 4, 3: 3, 4: 1, 5: 0}
_BYTES_FOR_PAD = {pad: count for count, pad in _PAD_FOR_BYTES.items()}


def _base32_encode(digits, s):
    data = _to_encode(s, _NEED_BYTES_B32)
    out = bytearray()
    for at in range(0, len(data), 5):
        group = data[at:at + 5]
        number = int.from_bytes(group + bytes(5 - len(group)), 'big')
        pad = _PAD_FOR_BYTES[len(group)]
        out += bytes(digits[(number >> shift) & 0x1F] for shift in range(35, 5 * pad - 1, -5))
        out += b'=' * pad
    return bytes(out)


def _base32_decode(digits, s, casefold, map01=None):
    text = _to_decode(s)
    if len(text) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _to_decode(map01)
        assert len(map01) == 1, repr(map01)
        # '0' is always the letter O; '1' is I or L, as the caller says.
        text = _swap(text, b'01', b'O' + map01)
    if casefold:
        text = text.upper()
    body = text.rstrip(b'=')
    pad = len(text) - len(body)
    values = _digit_values(digits)
    out = bytearray()
    for at in range(0, len(body), 8):
        number = 0
        chunk = body[at:at + 8]
        for digit in chunk:
            if digit not in values:
                raise binascii.Error('Non-base32 digit found')
            number = number * 32 + values[digit]
        # A short last chunk is completed with zero digits.
        out += (number << 5 * (8 - len(chunk))).to_bytes(5, 'big')
    if pad not in _BYTES_FOR_PAD:
        raise binascii.Error('Incorrect padding')
    if pad and out:
        del out[len(out) - 5 + _BYTES_FOR_PAD[pad]:]
    return bytes(out)


def b32encode(s):
    return _base32_encode(_B32_DIGITS, s)


def b32decode(s, casefold=False, map01=None):
    """Decode Base32.  [casefold] accepts lower case; [map01] (b'I' or
    b'L') says what the digit 1 stands for, and maps 0 to O."""
    return _base32_decode(_B32_DIGITS, s, casefold, map01)


def b32hexencode(s):
    return _base32_encode(_B32_HEX_DIGITS, s)


def b32hexdecode(s, casefold=False):
    """Decode the "extended hex" Base32 alphabet of RFC 4648, section 7."""
    return _base32_decode(_B32_HEX_DIGITS, s, casefold)


# ---------------------------------------------------------------------------
# Base16


_HEX_DIGITS = frozenset(b'0123456789ABCDEF')


def b16encode(s):
    """Upper-case hexadecimal."""
    return binascii.hexlify(_to_encode(s)).upper()


def b16decode(s, casefold=False):
    """Decode upper-case hexadecimal ([casefold] also allows lower case)."""
    text = _to_decode(s)
    if casefold:
        text = text.upper()
    if not _HEX_DIGITS.issuperset(text):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(text)


# ---------------------------------------------------------------------------
# Files


def encode(input, output):
    """Base64-encode binary file [input] into binary file [output], in
    MIME lines."""
    pending = b''
    while True:
        chunk = input.read(MAXBINSIZE - len(pending))
        if chunk:
            pending += chunk
            if len(pending) < MAXBINSIZE:
                continue               # a short read: keep filling the line
        if pending:
            output.write(binascii.b2a_base64(pending))
            pending = b''
        if not chunk:
            return


def decode(input, output):
    """Decode binary file [input], line by line, into binary file [output]."""
    for line in iter(input.readline, b''):
        output.write(binascii.a2b_base64(line))
