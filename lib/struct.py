"""Packing Python values into bytes laid out as C structs, and back.

Everything lives in the C module _struct (src/mod/struct.c); this module
only gives it its public name and list of exports.
"""

import _struct as _impl

__all__ = ['Struct', 'error', 'calcsize', 'iter_unpack', 'pack', 'pack_into',
           'unpack', 'unpack_from']

Struct = _impl.Struct
error = _impl.error
calcsize = _impl.calcsize
iter_unpack = _impl.iter_unpack
pack = _impl.pack
pack_into = _impl.pack_into
unpack = _impl.unpack
unpack_from = _impl.unpack_from
_clearcache = _impl._clearcache

del _impl
