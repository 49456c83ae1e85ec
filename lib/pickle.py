"""Serialise Python objects to bytes and back: the pickle format, protocols 0 to 5.

Design notes
------------
A pickle is a program for a small stack machine: each opcode pushes a value,
builds a container from the values above a MARK, calls a global, or stores
the top of stack in a memo so that a later GET can push the same object
again.  The memo is what keeps shared and recursive structures intact: every
mutable container is memoised as soon as it is created empty, before its
items are written, so an item that refers back to it finds it there.

The writer (Pickler, this file) aims to produce exactly the bytes CPython's C
pickler produces for the builtin types, since programs compare pickles and
store them: the choice of opcode per value and protocol, the memo numbering,
the batching of list/dict/set items by 1000, and framing.  Where the C
pickler and the old pure-Python one differ (an exact list or dict of several
items is always written as MARK ... APPENDS/SETITEMS batches, even when the
last batch holds one item) the C behaviour is followed.

Framing (protocol 4+): output is grouped into frames of about 64 KiB, each
announced by FRAME and an 8-byte length, so that a reader can fetch a frame
with one read.  A frame is committed once it reaches the target size (checked
as each object starts) and at the end; a frame under 4 bytes is written
without its header.  Bytes and strings of 64 KiB or more bypass framing:
their opcode and payload go between two frames.

Object reduction.  Builtin values have their own writers.  Everything else is
"reduced" to (callable, args, state, list items, dict items, state setter)
and written as a call.  The reduction comes, in this order, from
reducer_override, a dispatch_table (the Pickler's or copyreg's), the class's
own __reduce_ex__/__reduce__, or else the default protocol.  gilpy's builtin
__reduce_ex__ does not know every builtin type and names helpers that live
nowhere importable, so this module supplies the default itself:
copyreg._default_reduce for plain instances and _BUILTIN_REDUCERS for the
builtin types CPython reduces in C (sets before protocol 4, bytearray,
slices, ranges, exceptions).

Globals (functions, classes) are written by name, module plus qualified name,
after checking that importing the name gives back the very object.  Before
protocol 3 the names are rewritten to their Python 2 spelling (builtins ->
__builtin__, ValueError -> exceptions.ValueError...) as CPython does with
fix_imports; the table lives in _pickle_compat.

The reader (Unpickler) lives in _pickle_load and is re-exported here.
"""

import sys
import codecs
import copyreg
import functools
from struct import pack, unpack

import _pickle_compat
from _pickle_load import (Unpickler, PickleError, PicklingError, UnpicklingError,
                          PickleBuffer, _getattribute, decode_long, load, loads)

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer",
           "ADDITEMS", "APPEND", "APPENDS", "BINBYTES", "BINBYTES8", "BINFLOAT",
           "BINGET", "BININT", "BININT1", "BININT2", "BINPERSID", "BINPUT",
           "BINSTRING", "BINUNICODE", "BINUNICODE8", "BUILD", "BYTEARRAY8",
           "DEFAULT_PROTOCOL", "DICT", "DUP", "EMPTY_DICT", "EMPTY_LIST",
           "EMPTY_SET", "EMPTY_TUPLE", "EXT1", "EXT2", "EXT4", "FALSE", "FLOAT",
           "FRAME", "FROZENSET", "GET", "GLOBAL", "HIGHEST_PROTOCOL", "INST",
           "INT", "LIST", "LONG", "LONG1", "LONG4", "LONG_BINGET",
           "LONG_BINPUT", "MARK", "MEMOIZE", "NEWFALSE", "NEWOBJ", "NEWOBJ_EX",
           "NEWTRUE", "NEXT_BUFFER", "NONE", "OBJ", "PERSID", "POP",
           "POP_MARK", "PROTO", "PUT", "READONLY_BUFFER", "REDUCE", "SETITEM",
           "SETITEMS", "SHORT_BINBYTES", "SHORT_BINSTRING", "SHORT_BINUNICODE",
           "STACK_GLOBAL", "STOP", "STRING", "TRUE", "TUPLE", "TUPLE1",
           "TUPLE2", "TUPLE3", "UNICODE"]

bytes_types = (bytes, bytearray)
format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]
HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4

# --- Opcodes -------------------------------------------------------------------
# One byte each; the comment says what the opcode does to the stack.
MARK = b'('              # push the mark that the container opcodes below look for
STOP = b'.'              # the value on top is the result
POP = b'0'               # drop the top value
POP_MARK = b'1'          # drop everything down to and including the topmost mark
DUP = b'2'               # push the top value again
FLOAT = b'F'             # float written as decimal text
INT = b'I'               # int as decimal text; I00/I01 are False/True
BININT = b'J'            # signed 4-byte int
BININT1 = b'K'           # unsigned 1-byte int
LONG = b'L'              # int as decimal text with a trailing L
BININT2 = b'M'           # unsigned 2-byte int
NONE = b'N'              # None
PERSID = b'P'            # persistent id as a text line
BINPERSID = b'Q'         # persistent id taken from the stack
REDUCE = b'R'            # call stack[-2] with the tuple stack[-1]
STRING = b'S'            # quoted Python 2 str
BINSTRING = b'T'         # Python 2 str, 4-byte length
SHORT_BINSTRING = b'U'   # Python 2 str, 1-byte length
UNICODE = b'V'           # str in raw-unicode-escape text
BINUNICODE = b'X'        # UTF-8 str, 4-byte length
APPEND = b'a'            # list.append(top)
BUILD = b'b'             # set the state of stack[-2] from the top
GLOBAL = b'c'            # push module.name, both given as text lines
DICT = b'd'              # dict from the key/value pairs above the mark
EMPTY_DICT = b'}'        # push {}
APPENDS = b'e'           # list.extend(items above the mark)
GET = b'g'               # push a memo entry; index as text
BINGET = b'h'            # push a memo entry; 1-byte index
INST = b'i'              # old-style instance: class by name, args above the mark
LONG_BINGET = b'j'       # push a memo entry; 4-byte index
LIST = b'l'              # list from the items above the mark
EMPTY_LIST = b']'        # push []
OBJ = b'o'               # instance: class and args above the mark
PUT = b'p'               # store the top in the memo; index as text
BINPUT = b'q'            # store the top in the memo; 1-byte index
LONG_BINPUT = b'r'       # store the top in the memo; 4-byte index
SETITEM = b's'           # dict[stack[-2]] = stack[-1]
TUPLE = b't'             # tuple from the items above the mark
EMPTY_TUPLE = b')'       # push ()
SETITEMS = b'u'          # dict.update(pairs above the mark)
BINFLOAT = b'G'          # float, 8 bytes big-endian IEEE
TRUE = b'I01\n'
FALSE = b'I00\n'
PROTO = b'\x80'          # protocol number (2+)
NEWOBJ = b'\x81'         # cls.__new__(cls, *args)
EXT1 = b'\x82'           # global from the extension registry; 1-byte code
EXT2 = b'\x83'           # ... 2-byte code
EXT4 = b'\x84'           # ... 4-byte code
TUPLE1 = b'\x85'         # 1-tuple from the top value
TUPLE2 = b'\x86'         # 2-tuple from the top two values
TUPLE3 = b'\x87'         # 3-tuple from the top three values
NEWTRUE = b'\x88'        # True
NEWFALSE = b'\x89'       # False
LONG1 = b'\x8a'          # int, two's complement little-endian, 1-byte length
LONG4 = b'\x8b'          # ... 4-byte length
BINBYTES = b'B'          # bytes, 4-byte length
SHORT_BINBYTES = b'C'    # bytes, 1-byte length
SHORT_BINUNICODE = b'\x8c'   # UTF-8 str, 1-byte length
BINUNICODE8 = b'\x8d'    # UTF-8 str, 8-byte length
BINBYTES8 = b'\x8e'      # bytes, 8-byte length
EMPTY_SET = b'\x8f'      # push set()
ADDITEMS = b'\x90'       # set.update(items above the mark)
FROZENSET = b'\x91'      # frozenset from the items above the mark
NEWOBJ_EX = b'\x92'      # cls.__new__(cls, *args, **kwargs)
STACK_GLOBAL = b'\x93'   # push module.name, both str values from the stack
MEMOIZE = b'\x94'        # store the top in the memo at the next free index
FRAME = b'\x95'          # start of a frame; 8-byte length
BYTEARRAY8 = b'\x96'     # bytearray, 8-byte length
NEXT_BUFFER = b'\x97'    # push the next out-of-band buffer
READONLY_BUFFER = b'\x98'    # make the top buffer read-only

_FRAME_TARGET = 64 * 1024
_FRAME_MIN = 4
_BATCH = 1000
_TUPLE_OPS = (EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3)


def encode_long(x):
    """[x] as the shortest two's complement little-endian bytes (b'' for 0)."""
    if x == 0:
        return b''
    size = (x.bit_length() >> 3) + 1
    raw = x.to_bytes(size, 'little', signed=True)
    # A negative number may have gained a redundant 0xff sign byte.
    if x < 0 and size > 1 and raw[-1] == 0xff and raw[-2] & 0x80:
        raw = raw[:-1]
    return raw


def _escape_unicode_text(text):
    """Protocol 0's UNICODE payload: latin-1, with \\uXXXX for everything else.

    The backslash and the characters that would break the line-based reader
    (newline, carriage return, NUL, ^Z) are escaped too.
    """
    parts = []
    for ch in text:
        code = ord(ch)
        if code > 0xffff:
            parts.append('\\U%08x' % code)
        elif code > 0xff or ch in '\\\n\r\x00\x1a':
            parts.append('\\u%04x' % code)
        else:
            parts.append(ch)
    return ''.join(parts).encode('latin-1')


def whichmodule(obj, name):
    """The name of the module that [obj], known as [name], can be imported from."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if module_name in ('__main__', '__mp_main__') or module is None:
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


# --- Reductions for builtin types ------------------------------------------------

def _instance_dict(obj):
    return getattr(obj, '__dict__', None) or None


def _reduce_set(obj):
    return type(obj), (list(obj),), _instance_dict(obj)


def _reduce_bytearray(obj):
    return type(obj), (bytes(obj),) if obj else (), _instance_dict(obj)


# Attributes that CPython's builtin exceptions keep in C fields, rebuilt from
# args, but that gilpy stores in the instance __dict__: they are not state.
_EXCEPTION_FIELDS = {
    OSError: ('errno', 'strerror', 'filename', 'filename2', 'winerror',
              'characters_written'),
    StopIteration: ('value',),
    SystemExit: ('code',),
    ImportError: ('name', 'path', 'msg'),
    SyntaxError: ('msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno',
                  'end_offset', 'print_file_and_line'),
    UnicodeError: ('encoding', 'object', 'start', 'end', 'reason'),
    AttributeError: ('name', 'obj'),
    NameError: ('name',),
}


def _reduce_exception(obj):
    state = dict(getattr(obj, '__dict__', None) or ())
    for klass in type(obj).__mro__:
        for field in _EXCEPTION_FIELDS.get(klass, ()):
            state.pop(field, None)
    if isinstance(obj, ImportError):
        # ImportError's own __reduce__ keeps its keyword-only arguments.
        for field in ('name', 'path'):
            value = getattr(obj, field, None)
            if value is not None:
                state[field] = value
    if state:
        return type(obj), obj.args, state
    return type(obj), obj.args


def _reduce_partial(obj):
    # gilpy's functools.partial keeps func, args and keywords as plain
    # attributes and has no __reduce__ of its own: call the class with the
    # positional part and restore the rest (keywords, extra attributes) as
    # instance state.
    state = {key: value for key, value in vars(obj).items()
             if key not in ('func', 'args')}
    return type(obj), (obj.func,) + tuple(obj.args), state or None


_BUILTIN_REDUCERS = {
    functools.partial: _reduce_partial,
    set: _reduce_set,
    frozenset: _reduce_set,
    bytearray: _reduce_bytearray,
    slice: lambda s: (slice, (s.start, s.stop, s.step)),
    range: lambda r: (range, (r.start, r.stop, r.step)),
    BaseException: _reduce_exception,
    type(Ellipsis): lambda obj: 'Ellipsis',
    type(NotImplemented): lambda obj: 'NotImplemented',
}

# Exact instances of these always use their own writer: reducer_override
# is not consulted for them.
_NOT_OVERRIDDEN = frozenset([type(None), bool, int, float, bytes, str, dict, set,
                             frozenset, list, tuple])

_OBJECT_REDUCE_EX = object.__reduce_ex__
_OBJECT_REDUCE = object.__reduce__


def _is_builtin_helper(func):
    # gilpy's C object.__reduce_ex__ returns builtin stand-ins for
    # copyreg.__newobj__ and copyreg._reconstructor; they have no module.
    return (not isinstance(func, type(_is_builtin_helper)) and
            getattr(func, '__module__', None) is None and
            getattr(func, '__name__', None) in ('__newobj__', '_reconstructor'))


def _reduce_object(obj, proto):
    """The reduction of [obj] when no dispatch table knows its type."""
    cls = type(obj)
    reduce_ex = getattr(cls, '__reduce_ex__', None)
    if reduce_ex is not None and reduce_ex is not _OBJECT_REDUCE_EX:
        return obj.__reduce_ex__(proto)
    reduce = getattr(cls, '__reduce__', None)
    if reduce is not None and reduce is not _OBJECT_REDUCE:
        return obj.__reduce__()
    for klass in cls.__mro__:
        reducer = _BUILTIN_REDUCERS.get(klass)
        if reducer is not None:
            return reducer(obj)
    return copyreg._default_reduce(obj, proto)


# --- The writer ------------------------------------------------------------------

class Pickler:
    """Writes pickles of objects to a binary file (anything with a write method).

    Subclasses may define persistent_id(obj) (return None to pickle obj
    normally), reducer_override(obj) (return NotImplemented to fall back)
    and dispatch_table (a mapping of type to reduction function).
    """

    __module__ = '_pickle'

    def __init__(self, file, protocol=None, *, fix_imports=True, buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        protocol = protocol.__index__() if not isinstance(protocol, int) else protocol
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif protocol > HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self.proto = protocol
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3
        self._buffer_callback = buffer_callback
        self.memo = {}
        self._out = bytearray()
        self._frame_start = -1

    def clear_memo(self):
        """Forget the objects pickled so far: later dumps will write them again."""
        self.memo.clear()

    def dump(self, obj):
        """Write a pickle of [obj] to the file."""
        if not hasattr(self, '_out'):
            raise PicklingError("Pickler.__init__() was not called by %s.__init__()"
                                % type(self).__name__)
        if self.proto >= 2:
            self._out += PROTO + bytes((self.proto,))
        self._framing = self.proto >= 4
        self._persistent_id = getattr(self, 'persistent_id', None)
        self._override = getattr(self, 'reducer_override', None)
        table = getattr(self, 'dispatch_table', None)
        self._table = copyreg.dispatch_table if table is None else table
        self._names = {}
        try:
            self.save(obj)
            self._write(STOP)
            self._commit_frame()
            self._file_write(bytes(self._out))
        finally:
            self._out = bytearray()
            self._frame_start = -1
            self._names = None

    # --- Output and frames ---

    def _write(self, data):
        if self._framing and self._frame_start < 0:
            # Reserve room for the FRAME header; _commit_frame fills it in.
            self._out += b'\0' * 9
            self._frame_start = len(self._out)
        self._out += data

    def _commit_frame(self):
        start = self._frame_start
        if start < 0:
            return
        self._frame_start = -1
        size = len(self._out) - start
        if size >= _FRAME_MIN:
            self._out[start - 9:start] = FRAME + pack('<Q', size)
        else:
            del self._out[start - 9:start]

    def _write_large(self, header, payload):
        """Write [header] and [payload]; a payload of a frame's size or more skips framing."""
        if self._framing and len(payload) >= _FRAME_TARGET:
            self._commit_frame()
            self._out += header
            self._out += payload
        else:
            self._write(header)
            self._write(payload)

    # --- Memo ---

    def memoize(self, obj):
        """Enter [obj] in the memo and write the opcode that stores it."""
        if self.fast:
            return
        index = len(self.memo)
        self._write(self._put(index))
        self.memo[id(obj)] = index, obj

    def _put(self, index):
        if self.proto >= 4:
            return MEMOIZE
        if self.bin:
            if index < 256:
                return BINPUT + bytes((index,))
            return LONG_BINPUT + pack('<I', index)
        return PUT + repr(index).encode('ascii') + b'\n'

    def _get(self, index):
        if self.bin:
            if index < 256:
                return BINGET + bytes((index,))
            return LONG_BINGET + pack('<I', index)
        return GET + repr(index).encode('ascii') + b'\n'

    # --- The object walk ---

    def save(self, obj, save_persistent_id=True):
        if self._framing and self._frame_start >= 0 and \
                len(self._out) - self._frame_start >= _FRAME_TARGET:
            self._commit_frame()
        if save_persistent_id and self._persistent_id is not None:
            pid = self._persistent_id(obj)
            if pid is not None:
                self.save_pers(pid)
                return
        known = self.memo.get(id(obj))
        if known is not None:
            self._write(self._get(known[0]))
            return
        rv = NotImplemented
        cls = type(obj)
        if self._override is not None and cls not in _NOT_OVERRIDDEN:
            rv = self._override(obj)
        if rv is NotImplemented:
            writer = self.dispatch.get(cls)
            if writer is not None:
                writer(self, obj)
                return
            reducer = self._table.get(cls)
            if reducer is not None:
                rv = reducer(obj)
            elif issubclass(cls, type):
                self.save_global(obj)
                return
            else:
                rv = _reduce_object(obj, self.proto)
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        if not 2 <= len(rv) <= 6:
            raise PicklingError("tuple returned by __reduce__ must contain 2 through 6 elements")
        self.save_reduce(*rv, obj=obj)

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self._write(BINPERSID)
        else:
            try:
                text = str(pid).encode('ascii')
            except UnicodeEncodeError:
                raise PicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
            self._write(PERSID + text + b'\n')

    def save_reduce(self, func, args, state=None, listitems=None, dictitems=None,
                    state_setter=None, *, obj=None):
        if not callable(func):
            raise PicklingError("first item of the tuple returned by __reduce__ must be callable")
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by __reduce__ must be a tuple")
        if _is_builtin_helper(func):
            func = getattr(copyreg, func.__name__)
        func_name = getattr(func, '__name__', '')
        if self.proto >= 2 and func_name == '__newobj_ex__':
            self._save_newobj_ex(args, obj)
        elif self.proto >= 2 and func_name == '__newobj__':
            if not args:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not hasattr(cls, '__new__'):
                raise PicklingError("args[0] from __newobj__ args has no __new__")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            self.save(cls)
            self.save(args[1:])
            self._write(NEWOBJ)
        else:
            self.save(func)
            self.save(args)
            self._write(REDUCE)
        if obj is not None:
            known = self.memo.get(id(obj))
            if known is not None:
                # Saving the arguments already pickled obj (a cycle through
                # them): drop this copy and use the memoised one.
                self._write(POP + self._get(known[0]))
            else:
                self.memoize(obj)
        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                self.save(state)
                self._write(BUILD)
            else:
                self.save(state_setter)
                self.save(obj)
                self.save(state)
                self._write(TUPLE2)
                self._write(REDUCE)
                self._write(POP)

    def _save_newobj_ex(self, args, obj):
        if len(args) != 3:
            raise PicklingError("length of the NEWOBJ_EX argument tuple must be exactly 3, not %d"
                                % len(args))
        cls, cls_args, cls_kwargs = args
        if not hasattr(cls, '__new__'):
            raise PicklingError("first item from NEWOBJ_EX argument tuple must be a class, not %s"
                                % type(cls).__name__)
        if obj is not None and cls is not obj.__class__:
            raise PicklingError("first item of the NEWOBJ_EX argument tuple must be "
                                "the class of the object")
        if self.proto >= 4:
            self.save(cls)
            self.save(cls_args)
            self.save(cls_kwargs)
            self._write(NEWOBJ_EX)
        else:
            func = functools.partial(cls.__new__, cls, *cls_args, **cls_kwargs)
            self.save(func)
            self.save(())
            self._write(REDUCE)

    # --- Writers for builtin values ---

    dispatch = {}

    def save_none(self, obj):
        self._write(NONE)
    dispatch[type(None)] = save_none

    def save_bool(self, obj):
        if self.proto >= 2:
            self._write(NEWTRUE if obj else NEWFALSE)
        else:
            self._write(TRUE if obj else FALSE)
    dispatch[bool] = save_bool

    def save_long(self, obj):
        if self.bin:
            if 0 <= obj <= 0xff:
                self._write(BININT1 + bytes((obj,)))
                return
            if 0 <= obj <= 0xffff:
                self._write(BININT2 + pack('<H', obj))
                return
            if -0x80000000 <= obj <= 0x7fffffff:
                self._write(BININT + pack('<i', obj))
                return
        if self.proto >= 2:
            raw = encode_long(obj)
            if len(raw) < 256:
                self._write(LONG1 + bytes((len(raw),)) + raw)
            else:
                self._write(LONG4 + pack('<i', len(raw)) + raw)
        elif -0x80000000 <= obj <= 0x7fffffff:
            self._write(INT + repr(obj).encode('ascii') + b'\n')
        else:
            self._write(LONG + repr(obj).encode('ascii') + b'L\n')
    dispatch[int] = save_long

    def save_float(self, obj):
        if self.bin:
            self._write(BINFLOAT + pack('>d', obj))
        else:
            self._write(FLOAT + repr(obj).encode('ascii') + b'\n')
    dispatch[float] = save_float

    def save_bytes(self, obj):
        if self.proto < 3:
            # Python 2 had no bytes type: rebuild through codecs.encode.
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                self.save_reduce(codecs.encode, (str(obj, 'latin1'), 'latin1'), obj=obj)
            return
        size = len(obj)
        if size <= 0xff:
            self._write(SHORT_BINBYTES + bytes((size,)) + obj)
        elif size > 0xffffffff and self.proto >= 4:
            self._write_large(BINBYTES8 + pack('<Q', size), obj)
        else:
            self._write_large(BINBYTES + pack('<I', size), obj)
        self.memoize(obj)
    dispatch[bytes] = save_bytes

    def save_bytearray(self, obj):
        if self.proto < 5:
            self.save_reduce(*_reduce_bytearray(obj), obj=obj)
            return
        self._write_large(BYTEARRAY8 + pack('<Q', len(obj)), bytes(obj))
        self.memoize(obj)
    dispatch[bytearray] = save_bytearray

    def save_picklebuffer(self, obj):
        if self.proto < 5:
            raise PicklingError("PickleBuffer can only pickled with protocol >= 5")
        view = obj.raw()
        in_band = self._buffer_callback is None or bool(self._buffer_callback(obj))
        if in_band:
            data = view.tobytes()
            if not view.readonly:
                self._write_large(BYTEARRAY8 + pack('<Q', len(data)), data)
            elif len(data) <= 0xff:
                self._write(SHORT_BINBYTES + bytes((len(data),)) + data)
            else:
                self._write_large(BINBYTES + pack('<I', len(data)), data)
            self.memoize(obj)
        else:
            self._write(NEXT_BUFFER)
            if view.readonly:
                self._write(READONLY_BUFFER)
    dispatch[PickleBuffer] = save_picklebuffer

    def save_str(self, obj):
        if self.bin:
            raw = obj.encode('utf-8', 'surrogatepass')
            size = len(raw)
            if size <= 0xff and self.proto >= 4:
                self._write(SHORT_BINUNICODE + bytes((size,)) + raw)
            elif size > 0xffffffff and self.proto >= 4:
                self._write_large(BINUNICODE8 + pack('<Q', size), raw)
            else:
                self._write_large(BINUNICODE + pack('<I', size), raw)
        else:
            self._write(UNICODE + _escape_unicode_text(obj) + b'\n')
        self.memoize(obj)
    dispatch[str] = save_str

    def save_tuple(self, obj):
        if not obj:
            self._write(EMPTY_TUPLE if self.bin else MARK + TUPLE)
            return
        size = len(obj)
        memo = self.memo
        if size <= 3 and self.proto >= 2:
            for item in obj:
                self.save(item)
            known = memo.get(id(obj))
            if known is not None:
                self._write(POP * size + self._get(known[0]))
            else:
                self._write(_TUPLE_OPS[size])
                self.memoize(obj)
            return
        self._write(MARK)
        for item in obj:
            self.save(item)
        known = memo.get(id(obj))
        if known is not None:
            # The tuple was reached again through one of its items, and
            # pickled there: unwind what was written and refer to that.
            if self.bin:
                self._write(POP_MARK + self._get(known[0]))
            else:
                self._write(POP * (size + 1) + self._get(known[0]))
            return
        self._write(TUPLE)
        self.memoize(obj)
    dispatch[tuple] = save_tuple

    def save_list(self, obj):
        self._write(EMPTY_LIST if self.bin else MARK + LIST)
        self.memoize(obj)
        if not self.bin:
            self._batch_appends(obj)
        elif len(obj) == 1:
            self.save(obj[0])
            self._write(APPEND)
        else:
            # An exact list is always written in MARK ... APPENDS batches.
            done = 0
            while done < len(obj):
                self._write(MARK)
                for item in obj[done:done + _BATCH]:
                    self.save(item)
                done += _BATCH
                self._write(APPENDS)
    dispatch[list] = save_list

    def _batch_appends(self, items):
        if not self.bin:
            for item in items:
                self.save(item)
                self._write(APPEND)
            return
        it = iter(items)
        while True:
            batch = []
            for item in it:
                batch.append(item)
                if len(batch) == _BATCH:
                    break
            if len(batch) > 1:
                self._write(MARK)
                for item in batch:
                    self.save(item)
                self._write(APPENDS)
            elif batch:
                self.save(batch[0])
                self._write(APPEND)
            if len(batch) < _BATCH:
                return

    def save_dict(self, obj):
        self._write(EMPTY_DICT if self.bin else MARK + DICT)
        self.memoize(obj)
        if not self.bin:
            self._batch_setitems(obj.items())
        elif len(obj) == 1:
            for key, value in obj.items():
                self.save(key)
                self.save(value)
            self._write(SETITEM)
        elif obj:
            # Like CPython, stop only after a batch that is not full: a dict
            # of exactly 1000 items ends with an empty MARK SETITEMS.
            pairs = list(obj.items())
            start = 0
            while True:
                batch = pairs[start:start + _BATCH]
                start += _BATCH
                self._write(MARK)
                for key, value in batch:
                    self.save(key)
                    self.save(value)
                self._write(SETITEMS)
                if len(batch) < _BATCH:
                    break
    dispatch[dict] = save_dict

    def _batch_setitems(self, items):
        if not self.bin:
            for key, value in items:
                self.save(key)
                self.save(value)
                self._write(SETITEM)
            return
        it = iter(items)
        while True:
            batch = []
            for pair in it:
                batch.append(pair)
                if len(batch) == _BATCH:
                    break
            if len(batch) > 1:
                self._write(MARK)
                for key, value in batch:
                    self.save(key)
                    self.save(value)
                self._write(SETITEMS)
            elif batch:
                key, value = batch[0]
                self.save(key)
                self.save(value)
                self._write(SETITEM)
            if len(batch) < _BATCH:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self._write(EMPTY_SET)
        self.memoize(obj)
        items = list(obj)
        start = 0
        while items:
            batch = items[start:start + _BATCH]
            start += _BATCH
            self._write(MARK)
            for item in batch:
                self.save(item)
            self._write(ADDITEMS)
            if len(batch) < _BATCH:
                break
    dispatch[set] = save_set

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self._write(MARK)
        for item in obj:
            self.save(item)
        known = self.memo.get(id(obj))
        if known is not None:
            self._write(POP_MARK + self._get(known[0]))
            return
        self._write(FROZENSET)
        self.memoize(obj)
    dispatch[frozenset] = save_frozenset

    # --- Globals ---

    def save_global(self, obj, name=None):
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        fixed = _pickle_compat.FIXED_GLOBALS.get(id(obj))
        if fixed is not None and fixed[1] == name:
            module_name, parent, lastname = fixed[0], None, name
        else:
            module_name = whichmodule(obj, name)
            parent, lastname = self._check_global(obj, module_name, name)
        if self.proto >= 2:
            code = copyreg._extension_registry.get((module_name, name))
            if code:
                if code <= 0xff:
                    self._write(EXT1 + bytes((code,)))
                elif code <= 0xffff:
                    self._write(EXT2 + pack('<H', code))
                else:
                    self._write(EXT4 + pack('<i', code))
                return
        if self.proto >= 4:
            # CPython's module and qualified names are interned strings, so a
            # repeated one is written as a memo GET; share equal ones here too.
            # (Builtin functions carry a separate copy of "builtins".)
            key = (module_name, isinstance(obj, type(len)))
            self.save(self._names.setdefault(key, module_name))
            self.save(self._names.setdefault(name, name))
            self._write(STACK_GLOBAL)
        elif parent is not None:
            # A nested name (Outer.Inner) cannot be written as GLOBAL before
            # protocol 4: fetch it with getattr from its parent instead.
            self.save_reduce(getattr, (parent, lastname))
        else:
            if self.fix_imports:
                module_name, name = _pickle_compat.to_python2(module_name, name)
            try:
                text = (module_name + '\n' + name + '\n').encode(
                    'utf-8' if self.proto >= 3 else 'ascii')
            except UnicodeEncodeError:
                raise PicklingError("can't pickle global identifier '%s.%s' using "
                                    "pickle protocol %i" % (module_name, name, self.proto)) from None
            self._write(GLOBAL + text)
        self.memoize(obj)

    def _check_global(self, obj, module_name, name):
        """Check that module_name.name is [obj]; return (parent or None, last name part)."""
        if '<locals>' in name.split('.'):
            raise AttributeError("Can't pickle local object %r" % name)
        try:
            __import__(module_name)
            module = sys.modules[module_name]
        except Exception:
            raise PicklingError("Can't pickle %r: import of module %r failed"
                                % (obj, module_name)) from None
        try:
            found, parent = _getattribute(module, name)
        except AttributeError:
            raise PicklingError("Can't pickle %r: attribute lookup %s on %s failed"
                                % (obj, name, module_name)) from None
        if found is not obj:
            raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                                % (obj, module_name, name))
        lastname = name.rpartition('.')[2]
        return (None if parent is module else parent), lastname

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        if obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        if obj is type(Ellipsis):
            return self.save_reduce(type, (Ellipsis,), obj=obj)
        return self.save_global(obj)
    dispatch[type] = save_type

    def save_function(self, obj):
        self.save_global(obj)
    dispatch[type(whichmodule)] = save_function

    def save_builtin(self, obj):
        owner = getattr(obj, '__self__', None)
        if owner is None or type(owner).__name__ == 'module':
            self.save_global(obj)
        else:
            # A method bound to an object: getattr(owner, name) rebuilds it.
            self.save_reduce(getattr, (owner, obj.__name__), obj=obj)
    dispatch[type(len)] = save_builtin


# --- Functions -------------------------------------------------------------------

class _BytesSink:
    # A write-only target for dumps(): collects the single write of dump().
    def __init__(self):
        self.value = b''

    def write(self, data):
        self.value += data


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Write a pickle of [obj] to the open binary [file]."""
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    """Return the pickle of [obj] as bytes."""
    sink = _BytesSink()
    Pickler(sink, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)
    return sink.value


# The names the pure-Python implementation goes by in CPython; some code
# subclasses _Pickler to reach its dispatch dict.
_Pickler = Pickler
_Unpickler = Unpickler
_dump = dump
_dumps = dumps
_load = load
_loads = loads
