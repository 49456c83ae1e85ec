"""Universally unique identifiers (RFC 4122): the UUID value type and the
uuid1/3/4/5 generators.

Design notes
------------
A UUID is an immutable 128-bit int; every other view of it (hex text, the
big- and little-endian byte strings, the six RFC fields, version and
variant) is computed from that int on demand, so the object holds two slots
(`int` and `is_safe`) and compares, hashes and orders as its int.

The generators:
  * uuid4(): 16 bytes from os.urandom with the version and variant bits set;
  * uuid3()/uuid5(): MD5/SHA-1 of the namespace's bytes followed by the name;
  * uuid1(): a 60-bit count of 100 ns intervals since 1582-10-15, a random
    14-bit clock sequence and a node.  gilpy has no way to read the MAC
    address, so the node is a random 48-bit number with the multicast bit
    set, which RFC 4122 section 4.5 allows for exactly this case (CPython
    falls back to the same when it finds no hardware address).  Successive
    calls never return the same timestamp.
"""

import enum
import operator as _operator
import os

builtins_int = int  # UUID.__init__ has a parameter named int

__all__ = ['UUID', 'uuid1', 'uuid3', 'uuid4', 'uuid5', 'getnode', 'SafeUUID',
           'NAMESPACE_DNS', 'NAMESPACE_URL', 'NAMESPACE_OID', 'NAMESPACE_X500',
           'RESERVED_NCS', 'RFC_4122', 'RESERVED_MICROSOFT', 'RESERVED_FUTURE']

RESERVED_NCS = 'reserved for NCS compatibility'
RFC_4122 = 'specified in RFC 4122'
RESERVED_MICROSOFT = 'reserved for Microsoft compatibility'
RESERVED_FUTURE = 'reserved for future definition'

_MAX = 1 << 128


class SafeUUID(enum.Enum):
    """Whether the platform generated a uuid1 in a multiprocessing-safe way."""
    safe = 0
    unsafe = -1
    unknown = None


def _by_int(test):
    """A rich comparison of two UUIDs by their ints."""
    def compare(self, other):
        return test(self.int, other.int) if isinstance(other, UUID) else NotImplemented
    return compare


def _bits(shift, width):
    """A read-only property: [width] bits of the int, [shift] bits up."""
    mask = (1 << width) - 1
    return property(lambda self: (self.int >> shift) & mask)


_FIELD_NAMES = ('time_low', 'time_mid', 'time_hi_version', 'clock_seq_hi_variant',
                'clock_seq_low', 'node')
_VARIANTS = (RESERVED_NCS,) * 4 + (RFC_4122,) * 2 + (RESERVED_MICROSOFT, RESERVED_FUTURE)


class UUID:
    """One UUID.  Build it from exactly one of hex (text, braces, dashes and
    a 'urn:uuid:' prefix allowed), bytes, bytes_le, fields or int, and
    optionally force a version."""

    __slots__ = ('int', 'is_safe', '__weakref__')

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None,
                 int=None, version=None, *, is_safe=SafeUUID.unknown):
        given = [hex, bytes, bytes_le, fields, int].count(None)
        if given != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, '
                            'or int arguments must be given')
        if hex is not None:
            digits = hex.replace('urn:', '').replace('uuid:', '')
            digits = digits.strip('{}').replace('-', '')
            if len(digits) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            # int() itself judges the digits, with its own message, as in
            # CPython (so ' 23...' with a leading space is accepted).
            value = builtins_int(digits, 16)
        elif bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            # The first three fields are little-endian in this layout.
            swapped = (bytes_le[3::-1] + bytes_le[5:3:-1] + bytes_le[7:5:-1]
                       + bytes_le[8:])
            value = _int_from_bytes(swapped)
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            value = _int_from_bytes(bytes)
        elif fields is not None:
            value = _int_from_fields(fields)
        else:
            if not 0 <= int < _MAX:
                raise ValueError('int is out of range (need a 128-bit value)')
            value = int
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            # Variant RFC 4122 (10xx in the clock_seq_hi byte), then the
            # version in the top nibble of time_hi_version.
            value &= ~(0xc000 << 48)
            value |= 0x8000 << 48
            value &= ~(0xf000 << 64)
            value |= version << 76
        object.__setattr__(self, 'int', value)
        object.__setattr__(self, 'is_safe', is_safe)

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __getstate__(self):
        # is_safe travels only when it says something.
        known = self.is_safe is not SafeUUID.unknown
        return {'int': self.int, 'is_safe': self.is_safe.value} if known else {'int': self.int}

    def __setstate__(self, state):
        safety = SafeUUID(state.get('is_safe'))
        object.__setattr__(self, 'int', state['int'])
        object.__setattr__(self, 'is_safe', safety)

    # Comparisons, hashing and conversions all go through the int.
    __eq__ = _by_int(_operator.eq)
    __lt__ = _by_int(_operator.lt)
    __gt__ = _by_int(_operator.gt)
    __le__ = _by_int(_operator.le)
    __ge__ = _by_int(_operator.ge)

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __repr__(self):
        return '%s(%r)' % (type(self).__name__, str(self))

    def __str__(self):
        h = self.hex
        return '%s-%s-%s-%s-%s' % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])

    @property
    def hex(self):
        return format(self.int, '032x')

    @property
    def urn(self):
        return 'urn:uuid:%s' % self

    @property
    def bytes(self):
        return self.int.to_bytes(16, 'big')

    @property
    def bytes_le(self):
        b = self.bytes
        return b[3::-1] + b[5:3:-1] + b[7:5:-1] + b[8:]

    @property
    def fields(self):
        return tuple(getattr(self, name) for name in _FIELD_NAMES)

    time_low = _bits(96, 32)
    time_mid = _bits(80, 16)
    time_hi_version = _bits(64, 16)
    clock_seq_hi_variant = _bits(56, 8)
    clock_seq_low = _bits(48, 8)
    node = _bits(0, 48)

    @property
    def time(self):
        return ((self.time_hi_version & 0x0fff) << 48) | (self.time_mid << 32) | self.time_low

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low

    @property
    def variant(self):
        # The leading bits of clock_seq_hi_variant: 0xx, 10x, 110, 111.
        return _VARIANTS[(self.int >> 61) & 7]

    @property
    def version(self):
        # Only RFC 4122 UUIDs carry a version (the top nibble of
        # time_hi_version).
        return (self.int >> 76) & 15 if _VARIANTS[(self.int >> 61) & 7] is RFC_4122 else None


def _int_from_bytes(data):
    return int.from_bytes(data, 'big')


_FIELD_LIMITS = (
    (32, 'field 1 out of range (need a 32-bit value)'),
    (16, 'field 2 out of range (need a 16-bit value)'),
    (16, 'field 3 out of range (need a 16-bit value)'),
    (8, 'field 4 out of range (need an 8-bit value)'),
    (8, 'field 5 out of range (need an 8-bit value)'),
    (48, 'field 6 out of range (need a 48-bit value)'),
)


def _int_from_fields(fields):
    if len(fields) != 6:
        raise ValueError('fields is not a 6-tuple')
    value = 0
    for field, (bits, message) in zip(fields, _FIELD_LIMITS):
        if not 0 <= field < (1 << bits):
            raise ValueError(message)
        value = (value << bits) | field
    return value


_node = None


def getnode():
    """This machine's 48-bit node number: a random one, made once, with the
    multicast bit set (see the module notes)."""
    global _node
    if _node is None:
        _node = int.from_bytes(os.urandom(6), 'big') | (1 << 40)
    return _node


_last_timestamp = None


def uuid1(node=None, clock_seq=None):
    """A UUID from the current time, a clock sequence and the node."""
    global _last_timestamp
    import time
    # 100 ns intervals since the start of the Gregorian calendar, never the
    # same twice in a row.
    ticks = time.time_ns() // 100 + 0x01b21dd213814000
    if _last_timestamp is not None:
        ticks = max(ticks, _last_timestamp + 1)
    _last_timestamp = ticks
    seq = int.from_bytes(os.urandom(2), 'big') & 0x3fff if clock_seq is None else clock_seq
    parts = (ticks & 0xffffffff, (ticks >> 32) & 0xffff, (ticks >> 48) & 0x0fff,
             (seq >> 8) & 0x3f, seq & 0xff, getnode() if node is None else node)
    return UUID(fields=parts, version=1)


def _from_name(algorithm, version, namespace, name):
    """A name-based UUID: the first 16 bytes of [algorithm] over the
    namespace's bytes and the UTF-8 name (3.11 takes str names only)."""
    import hashlib
    h = hashlib.new(algorithm, usedforsecurity=False)
    h.update(namespace.bytes)
    h.update(bytes(name, 'utf-8'))
    return UUID(bytes=h.digest()[:16], version=version)


def uuid3(namespace, name):
    """The UUID for [name] in [namespace], from an MD5 hash."""
    return _from_name('md5', 3, namespace, name)


def uuid4():
    """A random UUID."""
    return UUID(bytes=os.urandom(16), version=4)


def uuid5(namespace, name):
    """The UUID for [name] in [namespace], from a SHA-1 hash."""
    return _from_name('sha1', 5, namespace, name)


# The namespaces of RFC 4122 appendix C: they differ in one nibble.
_NAMESPACE_BASE = 0x6ba7b8109dad11d180b400c04fd430c8
NAMESPACE_DNS = UUID(int=_NAMESPACE_BASE)
NAMESPACE_URL = UUID(int=_NAMESPACE_BASE | (1 << 96))
NAMESPACE_OID = UUID(int=_NAMESPACE_BASE | (2 << 96))
NAMESPACE_X500 = UUID(int=_NAMESPACE_BASE | (4 << 96))
