"""Parse TOML 1.0 documents into Python objects: Python 3.11's tomllib.

    tomllib.loads(text, *, parse_float=float) -> dict
    tomllib.load(binary_file, *, parse_float=float) -> dict

Tables become dicts, arrays lists, and the date and time kinds
datetime.datetime (with a datetime.timezone for an offset), datetime.date
and datetime.time. A document that is not valid TOML raises TOMLDecodeError
(a ValueError) whose message ends with where the problem is, "(at line L,
column C)" or "(at end of document)", as CPython's.
"""

from ._parser import TOMLDecodeError, load, loads

__all__ = ("loads", "load", "TOMLDecodeError")

TOMLDecodeError.__module__ = __name__
