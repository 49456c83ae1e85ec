"""JSON (JavaScript Object Notation, RFC 8259) encoding and decoding.

Design notes
------------
The API is CPython's: dumps/dump/loads/load, JSONEncoder, JSONDecoder and
JSONDecodeError, with the same options and the same error messages. The
work happens in C (src/mod/json.c): json.loads() of a str with default
options is a single call into the scanner, and json.dumps() one call into
the encoder. Calls with default options reuse one shared encoder/decoder.

Bytes input is decoded after detecting its encoding from the first bytes
(UTF-8 with or without BOM, UTF-16 and UTF-32 in either byte order), as
RFC 8259 section 8.1 and CPython do.
"""

__version__ = '2.0.9'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

__author__ = 'gilpy'

from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder

_default_encoder = JSONEncoder(
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    indent=None,
    separators=None,
    default=None,
)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize [obj] as JSON to the text file [fp] (anything with a
    .write(str) method). Options as for dumps()."""
    if (not skipkeys and ensure_ascii and
            check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                       check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                       separators=separators,
                       default=default, sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize [obj] to a JSON str.

    skipkeys: drop dict keys that are not str, int, float, bool or None
    instead of raising TypeError. ensure_ascii: escape non-ASCII
    characters. check_circular: detect reference cycles (ValueError)
    instead of recursing. allow_nan: write NaN/Infinity instead of raising
    ValueError. indent: pretty-print with that many spaces (or that str)
    per level. separators: (item_separator, key_separator). default: a
    function that returns a serializable version of other objects.
    sort_keys: output dicts sorted by key. cls: a JSONEncoder subclass.
    """
    if (not skipkeys and ensure_ascii and
            check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


_default_decoder = JSONDecoder(object_hook=None, object_pairs_hook=None)


def detect_encoding(b):
    """The encoding of the JSON bytes [b]: 'utf-8', 'utf-8-sig',
    'utf-16', 'utf-16-be', 'utf-16-le', 'utf-32', 'utf-32-be' or
    'utf-32-le', judged from a BOM or from where the zero bytes are."""
    bstartswith = b.startswith
    if bstartswith((b'\xff\xfe\x00\x00', b'\x00\x00\xfe\xff')):
        return 'utf-32'
    if bstartswith((b'\xff\xfe', b'\xfe\xff')):
        return 'utf-16'
    if bstartswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'

    if len(b) >= 4:
        if not b[0]:
            # 00 00 -- -- : utf-32-be;  00 XX -- -- : utf-16-be
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            # XX 00 00 00 : utf-32-le;  XX 00 00 XX or XX 00 XX -- : utf-16-le
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def _decode_units(b, encoding, width, big):
    # UTF-16 (width 2) and UTF-32 (width 4) code units to text, pairing
    # UTF-16 surrogates; lone surrogates are kept as CPython's
    # 'surrogatepass' keeps them.
    n = len(b)
    usable = n - n % width
    units = [int.from_bytes(b[i:i + width], 'big' if big else 'little')
             for i in range(0, usable, width)]
    out = []
    i = 0
    count = len(units)
    while i < count:
        u = units[i]
        if width == 2 and 0xD800 <= u <= 0xDBFF and i + 1 < count and 0xDC00 <= units[i + 1] <= 0xDFFF:
            u = 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)
            i += 1
        elif u > 0x10FFFF:
            raise UnicodeDecodeError(encoding, b, i * width, (i + 1) * width,
                                     'code point not in range(0x110000)')
        out.append(chr(u))
        i += 1
    if usable != n:
        raise UnicodeDecodeError(encoding, b, usable, n, 'truncated data')
    return ''.join(out)


def _decode_bytes(b, encoding):
    if encoding == 'utf-8':
        return b.decode('utf-8')
    if encoding == 'utf-8-sig':
        return b[3:].decode('utf-8')
    if encoding == 'utf-16':
        return _decode_units(b[2:], encoding, 2, b[:2] == b'\xfe\xff')
    if encoding == 'utf-32':
        return _decode_units(b[4:], encoding, 4, b[:4] == b'\x00\x00\xfe\xff')
    width = 2 if encoding.startswith('utf-16') else 4
    return _decode_units(b, encoding, width, encoding.endswith('be'))


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize [s] (a str, bytes or bytearray holding a JSON document)
    to a Python object.

    object_hook(dict) and object_pairs_hook(list of pairs) replace the
    dicts decoded; parse_float, parse_int and parse_constant receive the
    text of numbers and of NaN/Infinity/-Infinity. cls: a JSONDecoder
    subclass. Raises JSONDecodeError for invalid documents.
    """
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = _decode_bytes(bytes(s), detect_encoding(s))

    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize the JSON document read from [fp] (anything with a
    .read() method returning str or bytes). Options as for loads()."""
    return loads(fp.read(),
                 cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)
