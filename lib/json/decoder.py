"""JSONDecoder and JSONDecodeError; the parsing itself is _json's Scanner.

Design notes
------------
JSONDecoder keeps CPython's constructor and its three entry points:
decode(s) for a whole document, raw_decode(s, idx) for a value at a
position (returning where it ended), and the scan_once attribute that
subclasses and tools call. All of them go through one C scanner made from
the decoder's options; only decode() of an unmodified JSONDecoder skips
the Python steps and lets the scanner check the whole document at once.
"""

import _json

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

_WHITESPACE = ' \t\n\r'


class JSONDecodeError(ValueError):
    """ValueError with the position of the error:

    msg: the unformatted message; doc: the document being parsed;
    pos: the index in doc where parsing failed; lineno, colno: the line
    and column of pos (both from 1).
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


def scanstring(s, end, strict=True):
    """Decodes the JSON string whose opening quote is at end - 1; returns
    (str, index after the closing quote)."""
    return _json.scanstring(s, end, strict, JSONDecodeError)


def _skip_space(s, idx):
    n = len(s)
    while idx < n and s[idx] in _WHITESPACE:
        idx += 1
    return idx


class _SkipSpace:
    # Stands in for CPython's WHITESPACE.match(s, idx): .end() is where the
    # whitespace run starting at idx stops.
    def match(self, s, idx=0):
        return _SpaceMatch(_skip_space(s, idx))


class _SpaceMatch:
    def __init__(self, end):
        self._end = end

    def end(self):
        return self._end


WHITESPACE = _SkipSpace()


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder.

    JSON object -> dict, array -> list, string -> str, number -> int or
    float, true/false -> True/False, null -> None; NaN, Infinity and
    -Infinity are accepted as their float values.
    """

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}
        self.scan_once = _json.make_scanner(
            strict, object_hook, object_pairs_hook, parse_float, parse_int,
            parse_constant, JSONDecodeError)

    def decode(self, s, _w=WHITESPACE.match):
        """Return the Python value of the JSON document [s] (a str)."""
        scanner = self.scan_once
        if (type(self).raw_decode is JSONDecoder.raw_decode and
                type(scanner) is _json.Scanner):
            return scanner.decode(s)
        obj, end = self.raw_decode(s, idx=_w(s, 0).end())
        end = _w(s, end).end()
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON value starting at s[idx]; return (value, index
        where it ended). Text after the value is allowed."""
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
