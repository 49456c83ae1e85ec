"""json.scanner: make_scanner(context) builds the scanner a JSONDecoder uses.

Design notes
------------
The scanner is _json's C Scanner. make_scanner reads the decoder options
from [context] (a JSONDecoder or anything with the same attributes), as
CPython's does, so a decoder subclass that changes parse_float or
object_hook after construction can rebuild its scan_once.
"""

import _json

__all__ = ['make_scanner']


def make_scanner(context):
    from json.decoder import JSONDecodeError
    return _json.make_scanner(context.strict, context.object_hook, context.object_pairs_hook,
                              context.parse_float, context.parse_int, context.parse_constant,
                              JSONDecodeError)


c_make_scanner = make_scanner
py_make_scanner = make_scanner
