"""json.decoder: JSONDecoder and JSONDecodeError over _json's C scanner.

Design notes
------------
A JSONDecoder holds its options and one C scanner built from them
(scan_once: called with a str and an index, it returns the value found
there and the index after it, or raises StopIteration(index) when no value
starts there).  The three ways in are CPython's:

* decode(s): the whole of s must be one document, blanks around it allowed;
* raw_decode(s, idx): one value at idx, and where it ended;
* scan_once itself, which subclasses and tools call or replace.

decode() on a decoder whose raw_decode and scan_once are the stock ones
asks the C scanner to check the whole document in one call.  A subclass
that overrides raw_decode, or assigns its own scan_once, goes the long way
through Python so its override is honoured.

WHITESPACE imitates the compiled regex CPython exposes under that name; it
only supports match(s, pos).end(), the one use callers make of it.
"""

import _json
# Loaded here, as in CPython, so json.scanner exists after `import json`.
from json import scanner

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

# What the three non-standard literals JSON-with-extensions allows mean.
_SPECIAL_FLOATS = {'NaN': NaN, 'Infinity': PosInf, '-Infinity': NegInf}

_BLANKS = frozenset(' \t\n\r')


class JSONDecodeError(ValueError):
    """A ValueError saying where a JSON document went wrong.

    msg is the bare message, doc the text being parsed, pos the offending
    index into it, and lineno/colno the same place counted from 1.
    """

    def __init__(self, msg, doc, pos):
        line_start = doc.rfind('\n', 0, pos) + 1
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = doc.count('\n', 0, pos) + 1
        self.colno = pos - line_start + 1
        ValueError.__init__(self, '%s: line %d column %d (char %d)'
                            % (msg, self.lineno, self.colno, pos))

    def __reduce__(self):
        # Rebuilt from the three constructor arguments, not from args.
        return type(self), (self.msg, self.doc, self.pos)


def scanstring(s, end, strict=True):
    """Decode the JSON string whose opening quote is at s[end - 1].

    Returns the str and the index just past the closing quote.
    """
    return _json.scanstring(s, end, strict, JSONDecodeError)


def _after_blanks(s, pos):
    # Index of the first character at or after [pos] that is not JSON
    # whitespace (space, tab, newline, carriage return).
    size = len(s)
    while pos < size and s[pos] in _BLANKS:
        pos += 1
    return pos


class _BlankRun:
    __slots__ = ('_stop',)

    def __init__(self, stop):
        self._stop = stop

    def end(self):
        return self._stop


class _BlankMatcher:
    def match(self, s, pos=0):
        return _BlankRun(_after_blanks(s, pos))


WHITESPACE = _BlankMatcher()


class JSONDecoder(object):
    """Turns JSON text into Python values.

    An object becomes a dict, an array a list, a string a str, a number an
    int or a float, true/false/null True/False/None.  NaN, Infinity and
    -Infinity are accepted too, as the floats they name.
    """

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.object_pairs_hook = object_pairs_hook
        # The attributes always name a callable, as CPython's do, while the
        # scanner gets None for "built-in behaviour" and keeps its fast path.
        self.parse_float = float if parse_float is None else parse_float
        self.parse_int = int if parse_int is None else parse_int
        self.parse_constant = (_SPECIAL_FLOATS.__getitem__
                               if parse_constant is None else parse_constant)
        self.strict = strict
        self.memo = {}
        self.scan_once = _json.make_scanner(
            strict, object_hook, object_pairs_hook,
            parse_float, parse_int, parse_constant, JSONDecodeError)

    def decode(self, s, _w=WHITESPACE.match):
        """Return the value of the JSON document [s] (a str)."""
        scanner = self.scan_once
        stock = (type(scanner) is _json.Scanner
                 and type(self).raw_decode is JSONDecoder.raw_decode)
        if stock:
            return scanner.decode(s)
        value, stop = self.raw_decode(s, _w(s, 0).end())
        stop = _w(s, stop).end()
        if stop < len(s):
            raise JSONDecodeError("Extra data", s, stop)
        return value

    def raw_decode(self, s, idx=0):
        """Decode the value that starts at s[idx].

        Returns (value, index where it ended); text after it is ignored.
        """
        try:
            return self.scan_once(s, idx)
        except StopIteration as nothing:
            raise JSONDecodeError("Expecting value", s, nothing.value) from None
