"""json.encoder: the JSONEncoder class, a thin front for _json's C encoder.

Design notes
------------
A JSONEncoder only stores its options.  Each encode()/iterencode() call
hands them to _json.make_encoder, which returns a C callable that writes
the whole document (indented or not) in one pass.  So iterencode() yields
one chunk, not the many small ones of CPython's generator; joined, the text
is the same, and dump() then costs one write.

Error messages.  CPython encodes a one-shot unindented document in C and
everything else in Python, and the two paths word a few errors
differently.  The C encoder knows both wordings; the last argument of
make_encoder says which path CPython would have taken.

The module-level names CPython has (encode_basestring*, their py_/c_
variants, c_make_encoder, INFINITY) are kept as aliases of the C functions
because tools look them up; there is no pure-Python encoder behind them.
"""

import _json

__all__ = ['JSONEncoder']

INFINITY = float('inf')

encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii
c_encode_basestring = py_encode_basestring = encode_basestring
c_encode_basestring_ascii = py_encode_basestring_ascii = encode_basestring_ascii
c_make_encoder = _json.make_encoder


class JSONEncoder(object):
    """Turns Python values into JSON text.

    dict becomes an object, list and tuple an array, str a string, int and
    float a number, True/False/None true/false/null.  For anything else
    default() is asked for a stand-in; override it (or pass default=) to
    support more types.
    """

    # Between array items / object members, and between a key and its value.
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.__dict__.update(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                             check_circular=check_circular,
                             allow_nan=allow_nan, sort_keys=sort_keys,
                             indent=indent)
        if separators is None:
            # Indented output ends its lines after the comma, so the space
            # the one-line form puts there would only trail.
            if indent is not None:
                self.item_separator = ','
        else:
            self.item_separator, self.key_separator = separators
        # A default= argument shadows the method for this instance only.
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a JSON-encodable stand-in for [o], or raise TypeError."""
        raise TypeError('Object of type %s is not JSON serializable'
                        % type(o).__name__)

    def encode(self, o):
        """Return the JSON text of [o] as one str."""
        # A bare string needs no encoder object at all.
        if isinstance(o, str):
            quote = encode_basestring_ascii if self.ensure_ascii else encode_basestring
            return quote(o)
        pieces = self.iterencode(o, _one_shot=True)
        return ''.join(pieces)

    def iterencode(self, o, _one_shot=False):
        """Encode [o]; returns an iterable of str chunks of the JSON text."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = indent * ' '
        run = c_make_encoder(
            self.check_circular, self.default, None, indent,
            self.key_separator, self.item_separator, self.sort_keys,
            self.skipkeys, self.allow_nan, self.ensure_ascii,
            indent is not None or not _one_shot)
        return run(o, 0)
