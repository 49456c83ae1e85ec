"""Functions to convert between Python values and C structs.

The work is done by the C module _struct (src/mod/struct.c); this module
re-exports it under its public name, as CPython's struct.py does.
"""

__all__ = [
    # Functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    'iter_unpack',

    # Classes
    'Struct',

    # Exceptions
    'error'
    ]

from _struct import *
from _struct import _clearcache
