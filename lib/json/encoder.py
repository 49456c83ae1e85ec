"""JSONEncoder: Python values to JSON text through _json's Encoder.

Design notes
------------
The encoder's options are turned into one C Encoder object per call of
encode()/iterencode(); the C side writes the whole text, indented or not,
in one pass. iterencode() therefore yields a single chunk: the output is
the same text CPython's generator would produce piece by piece, and
dump() writes it in one call.
"""

import _json

__all__ = ['JSONEncoder']

INFINITY = float('inf')

encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii
py_encode_basestring = encode_basestring
py_encode_basestring_ascii = encode_basestring_ascii
c_encode_basestring = encode_basestring
c_encode_basestring_ascii = encode_basestring_ascii
c_make_encoder = _json.make_encoder


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder.

    dict -> object, list and tuple -> array, str -> string, int and float
    -> number, True/False -> true/false, None -> null. Override default()
    to encode other types: it returns something serializable or raises
    TypeError.
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Called for objects JSON has no form for; return a serializable
        stand-in or raise TypeError (the default)."""
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return the JSON text of [o]."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode [o], yielding the JSON text in chunks."""
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        # CPython encodes one-shot unindented output in C and everything
        # else in Python, and a few error messages differ between the two:
        # the encoder is told which ones to use.
        python_messages = not _one_shot or indent is not None
        encoder = _json.make_encoder(
            self.check_circular, self.default, None, indent,
            self.key_separator, self.item_separator, self.sort_keys,
            self.skipkeys, self.allow_nan, self.ensure_ascii, python_messages)
        return encoder(o, 0)
