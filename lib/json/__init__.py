"""json: JSON text (RFC 8259) to Python values and back.

Design notes
------------
The public surface is CPython's: dumps/dump/loads/load with the same keyword
options, and the JSONEncoder, JSONDecoder and JSONDecodeError classes from
the submodules.  The real work is C (src/mod/json.c, exposed as _json):

* A call that passes no options at all is the common case, and it goes
  straight to one long-lived encoder or decoder built at import time, so
  json.dumps(x) and json.loads(s) cost a single C call each.  Any option
  (or a cls) builds a fresh object for that call, exactly as if the user had
  written cls(**options).encode(x) themselves.
* dump() writes the encoder's output chunks to the file one by one; gilpy's
  encoder hands the text back as one chunk, so that is one write.

Bytes input.  RFC 8259 says JSON travels as UTF-8, but CPython also accepts
UTF-16 and UTF-32 and guesses which from a byte-order mark or, failing
that, from where the zero bytes fall in the first four bytes (an ASCII
character encoded in UTF-16 or UTF-32 has zero bytes beside it).  gilpy's
codecs decode those with 'surrogatepass' as CPython does; only utf-8-sig
is missing from them, so that BOM is cut off here.

Left out: the pure-Python fallback encoder and scanner CPython keeps for
platforms without _json; gilpy always has its C half.
"""

__version__ = '2.0.9'
__author__ = 'gilpy'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder

# The shared objects behind option-free calls.  Both are stateless between
# calls, so threads may use them at once.
_plain_encoder = JSONEncoder()
_plain_decoder = JSONDecoder()

# The encoder options dumps() and dump() accept, and the values under which
# _plain_encoder does the job.
_DUMP_OPTION_NAMES = ('skipkeys', 'ensure_ascii', 'check_circular', 'allow_nan',
                      'indent', 'separators', 'default', 'sort_keys')
_PLAIN_DUMP_OPTIONS = (False, True, True, True, None, None, None, False)


def _encoder_for(cls, given, extra):
    # The shared encoder when every option in [given] is at its default,
    # else a new one.  Options are compared with `is` so that look-alike
    # values (0 for False, an object equal to None) reach the constructor.
    if cls is None and not extra:
        for value, plain in zip(given, _PLAIN_DUMP_OPTIONS):
            if value is not plain:
                break
        else:
            return _plain_encoder
    options = dict(zip(_DUMP_OPTION_NAMES, given))
    options.update(extra)
    return (cls or JSONEncoder)(**options)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Return [obj] as a JSON str.

    The options are JSONEncoder's (see its constructor); cls picks a
    JSONEncoder subclass and **kw goes to its constructor.
    """
    if cls is None and not kw and indent is None and default is None \
            and separators is None and skipkeys is False and sort_keys is False \
            and ensure_ascii is True and check_circular is True and allow_nan is True:
        # Checked inline, not through _encoder_for: this is the hot path.
        return _plain_encoder.encode(obj)
    given = (skipkeys, ensure_ascii, check_circular, allow_nan,
             indent, separators, default, sort_keys)
    return _encoder_for(cls, given, kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Write [obj] as JSON to [fp], anything with a write(str) method.
    Options as for dumps()."""
    given = (skipkeys, ensure_ascii, check_circular, allow_nan,
             indent, separators, default, sort_keys)
    for piece in _encoder_for(cls, given, kw).iterencode(obj):
        fp.write(piece)


def detect_encoding(b):
    """Guess which UTF encoding the JSON bytes [b] use.

    Returns one of 'utf-8', 'utf-8-sig', 'utf-16', 'utf-16-be',
    'utf-16-le', 'utf-32', 'utf-32-be' or 'utf-32-le'.
    """
    # A byte-order mark settles it.  The UTF-32 little-endian mark begins
    # with the UTF-16 one, so the longer marks are tried first.
    if b[:4] in (b'\xff\xfe\x00\x00', b'\x00\x00\xfe\xff'):
        return 'utf-32'
    if b[:2] in (b'\xff\xfe', b'\xfe\xff'):
        return 'utf-16'
    if b[:3] == b'\xef\xbb\xbf':
        return 'utf-8-sig'
    # Otherwise a JSON text starts with an ASCII character, and the zero
    # bytes around it give the width and byte order away.  Only two bytes
    # (a one-character document) can still be UTF-16; three cannot be
    # anything wider than UTF-8.
    size = len(b)
    if size == 2 or size >= 4:
        wide = size >= 4
        if b[0] == 0:
            return 'utf-32-be' if wide and b[1] == 0 else 'utf-16-be'
        if b[1] == 0:
            return 'utf-32-le' if wide and b[2] == 0 and b[3] == 0 else 'utf-16-le'
    return 'utf-8'


def _bytes_to_text(data):
    encoding = detect_encoding(data)
    if encoding == 'utf-8-sig':
        data, encoding = data[3:], 'utf-8'
    # Lone surrogates survive, as in CPython; the parser treats them as
    # ordinary characters.
    return data.decode(encoding, 'surrogatepass')


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Return the Python value of the JSON document [s] (str, bytes or
    bytearray).

    object_hook and object_pairs_hook transform each decoded object;
    parse_float, parse_int and parse_constant receive the text of numbers
    and of NaN/Infinity/-Infinity; cls picks a JSONDecoder subclass and
    **kw goes to its constructor.  Raises JSONDecodeError for bad input.
    """
    if isinstance(s, str):
        if s[:1] == '\ufeff':
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    elif isinstance(s, (bytes, bytearray)):
        s = _bytes_to_text(bytes(s))
    else:
        raise TypeError('the JSON object must be str, bytes or bytearray, '
                        'not %s' % type(s).__name__)

    if not kw and cls is None and object_hook is None and parse_float is None \
            and parse_int is None and parse_constant is None \
            and object_pairs_hook is None:
        # Checked inline, not with a loop: this is the hot path.
        return _plain_decoder.decode(s)
    hooks = (object_hook, object_pairs_hook, parse_float, parse_int, parse_constant)
    # Hooks left at None are not passed on, so that a decoder subclass with
    # a narrower constructor still works when they are unused.
    for name, hook in zip(_HOOK_NAMES, hooks):
        if hook is not None:
            kw[name] = hook
    return (cls or JSONDecoder)(**kw).decode(s)


_HOOK_NAMES = ('object_hook', 'object_pairs_hook', 'parse_float', 'parse_int',
               'parse_constant')


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Read [fp] (anything with read() returning str or bytes) to the end
    and decode it as one JSON document.  Options as for loads()."""
    text = fp.read()
    return loads(text, cls=cls, object_hook=object_hook,
                 object_pairs_hook=object_pairs_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant, **kw)
