"""_string: the format-string parsing that string.Formatter exposes.

CPython implements these two functions in C; gilpy's parser is written in
Python in lib/string.py, and this module only gives it the _string names,
argument checks and result shapes.
"""

import string as _string_module


def formatter_parser(format_string, /):
    """Iterate over (literal, field_name, format_spec, conversion) tuples."""
    if not isinstance(format_string, str):
        raise TypeError("expected str, got %s" % type(format_string).__name__)
    return _string_module._format_pieces(format_string)


def formatter_field_name_split(field_name, /):
    """Split a field name into its first part and an iterator over the rest.

    The rest yields (is_attribute, key) pairs: True for '.name', False for
    '[key]'.
    """
    if not isinstance(field_name, str):
        raise TypeError("expected str, got %s" % type(field_name).__name__)
    first, rest = _string_module._split_field_name(field_name)
    return first, iter(rest)
