"""The reading half of pickle: Unpickler, load and loads.

Design notes
------------
Unpickler runs the pickle program (see pickle's design notes): a loop reads
one opcode byte, looks its handler up in _HANDLERS and lets it push, pop or
build.  MARK is kept the way the format describes it: the values above the
topmost mark live in self.stack and the stacks below each mark wait in
self.metastack, so "the items above the mark" is simply the current list.

Input comes from one buffer plus, for load(file), the file itself.  loads()
puts the whole pickle in the buffer.  A file is read only as far as the
pickle goes, so that several pickles written one after another to a file can
be loaded one by one: without frames every operand is read with an exact
read(); a FRAME opcode (protocol 4+) fetches the whole frame into the buffer
with one read and the opcodes inside it are served from there.

End of input at an opcode boundary is EOFError("Ran out of input"); in the
middle of an operand it is "pickle data was truncated", as in CPython.

Python 2 strings (STRING, BINSTRING, SHORT_BINSTRING) become str decoded
with the `encoding` and `errors` given to the Unpickler, or stay bytes when
encoding is 'bytes'.  Globals are resolved by find_class, which translates
Python 2 names (see _pickle_compat) when the pickle is older than
protocol 3; override find_class to restrict what a pickle may import.
"""

import sys
import codecs
import copyreg
from struct import unpack

import _pickle_compat


class PickleError(Exception):
    __module__ = '_pickle'


class PicklingError(PickleError):
    __module__ = '_pickle'


class UnpicklingError(PickleError):
    __module__ = '_pickle'


class PickleBuffer:
    """A wrapper that lets a buffer be pickled out of band (protocol 5)."""

    __module__ = 'pickle'

    def __init__(self, buffer):
        self._view = memoryview(buffer)

    def raw(self):
        """The underlying memory as a flat memoryview of bytes."""
        if self._view is None:
            raise ValueError("operation forbidden on released PickleBuffer object")
        return self._view

    def release(self):
        if self._view is not None:
            self._view.release()
            self._view = None


def _getattribute(obj, name):
    """Follow the dotted [name] from [obj]: return (object, its parent)."""
    parent = None
    for part in name.split('.'):
        if part == '<locals>':
            raise AttributeError("Can't pickle local attribute %r on %r" % (name, obj))
        parent = obj
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %r" % (name, parent)) from None
    return obj, parent


def decode_long(data):
    """The int stored in [data] as two's complement little-endian bytes."""
    return int.from_bytes(data, 'little', signed=True)


_SIMPLE_ESCAPES = {
    ord('\\'): b'\\', ord("'"): b"'", ord('"'): b'"', ord('a'): b'\a',
    ord('b'): b'\b', ord('f'): b'\f', ord('n'): b'\n', ord('r'): b'\r',
    ord('t'): b'\t', ord('v'): b'\v', ord('\n'): b'',
}
_OCTAL = b'01234567'
_HEX = b'0123456789abcdefABCDEF'


def _unescape_string(data):
    """Undo the escapes of a Python 2 str literal (the STRING opcode's payload)."""
    if b'\\' not in data:
        return data
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        ch = data[i]
        if ch != 0x5c or i + 1 == n:
            out.append(ch)
            i += 1
            continue
        nxt = data[i + 1]
        if nxt in _SIMPLE_ESCAPES:
            out += _SIMPLE_ESCAPES[nxt]
            i += 2
        elif nxt in _OCTAL:
            j = i + 1
            while j < n and j < i + 4 and data[j] in _OCTAL:
                j += 1
            out.append(int(data[i + 1:j], 8) & 0xff)
            i = j
        elif nxt == ord('x'):
            digits = data[i + 2:i + 4]
            if len(digits) != 2 or any(d not in _HEX for d in digits):
                raise ValueError("invalid \\x escape at position %d" % i)
            out.append(int(digits, 16))
            i += 4
        else:
            out.append(ch)
            i += 1
    return bytes(out)


def _decode_raw_unicode(data):
    """Decode protocol 0's UNICODE payload: latin-1 with \\uXXXX and \\UXXXXXXXX."""
    if b'\\' not in data:
        return data.decode('latin-1')
    text = data.decode('latin-1')
    parts = []
    i, n = 0, len(text)
    while i < n:
        j = text.find('\\', i)
        if j < 0:
            parts.append(text[i:])
            break
        parts.append(text[i:j])
        kind = text[j + 1:j + 2]
        width = 4 if kind == 'u' else 8 if kind == 'U' else 0
        if width:
            digits = text[j + 2:j + 2 + width]
            if len(digits) != width:
                raise UnicodeDecodeError('rawunicodeescape', data, j, n,
                                         'truncated \\%sXXXX escape' % kind)
            parts.append(chr(int(digits, 16)))
            i = j + 2 + width
        else:
            parts.append('\\')
            i = j + 1
    return ''.join(parts)


class Unpickler:
    """Reads a pickle from a binary file (anything with read and readline)."""

    __module__ = '_pickle'

    def __init__(self, file, *, fix_imports=True, encoding="ASCII", errors="strict",
                 buffers=None):
        if file is not None:
            try:
                self._file_read = file.read
                self._file_readline = file.readline
            except AttributeError:
                raise TypeError("file must have 'read' and 'readline' attributes") from None
        else:
            self._file_read = self._file_readline = None
        self._buffers = iter(buffers) if buffers is not None else None
        self.encoding = encoding
        self.errors = errors
        self.fix_imports = fix_imports
        self.memo = {}
        self.proto = 0
        self._buf = b''
        self._pos = 0

    def load(self):
        """Read one pickle from the file and return the object it rebuilds."""
        if not hasattr(self, '_buf'):
            raise UnpicklingError("Unpickler.__init__() was not called by %s.__init__()"
                                  % type(self).__name__)
        self.metastack = []
        self.stack = []
        self.proto = 0
        self._persistent_load = getattr(self, 'persistent_load', None)
        handlers = _HANDLERS
        read = self._read
        try:
            while True:
                key = read(1, at_boundary=True)[0]
                handler = handlers.get(key)
                if handler is None:
                    if 0x20 <= key <= 0x7e:
                        shown = chr(key)
                    else:
                        shown = '\\x%02x' % key
                    raise UnpicklingError("invalid load key, '%s'." % shown)
                if handler is _load_stop:
                    return self._pop()
                handler(self)
        finally:
            self.stack = self.metastack = None

    # --- Input ---

    def _read(self, n, at_boundary=False):
        pos = self._pos
        end = pos + n
        buf = self._buf
        if end <= len(buf):
            self._pos = end
            return buf[pos:end]
        data = buf[pos:]
        self._buf = b''
        self._pos = 0
        if self._file_read is not None and len(data) < n:
            more = self._file_read(n - len(data))
            if more:
                data += more
        if len(data) < n:
            if at_boundary and not data:
                raise EOFError("Ran out of input")
            raise UnpicklingError("pickle data was truncated")
        return data

    def _readline(self):
        buf = self._buf
        pos = self._pos
        nl = buf.find(b'\n', pos)
        if nl >= 0:
            self._pos = nl + 1
            return buf[pos:nl + 1]
        data = buf[pos:]
        self._buf = b''
        self._pos = 0
        if self._file_readline is not None:
            data += self._file_readline()
        if not data.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return data

    def _load_frame(self):
        size, = unpack('<Q', self._read(8))
        if size > sys.maxsize:
            raise ValueError("frame size > sys.maxsize: %d" % size)
        if self._pos + size <= len(self._buf):
            return      # the frame is already in the buffer (loads)
        if self._file_read is None:
            raise UnpicklingError("pickle data was truncated")
        rest = self._buf[self._pos:]
        self._buf = rest + self._read_file_exact(size - len(rest))
        self._pos = 0

    def _read_file_exact(self, n):
        data = self._file_read(n) if n else b''
        if len(data) < n:
            raise UnpicklingError("pickle data was truncated")
        return data

    # --- The stack ---

    def _pop(self):
        if not self.stack:
            self._underflow()
        return self.stack.pop()

    def _top(self):
        if not self.stack:
            self._underflow()
        return self.stack[-1]

    def _underflow(self):
        # A value was needed but none is left above the topmost mark.
        if self.metastack:
            raise UnpicklingError("unexpected MARK found")
        raise UnpicklingError("unpickling stack underflow")

    def _pop_mark(self):
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        return items

    # --- Globals ---

    def find_class(self, module, name):
        """Return the object module.name; pickles name classes and functions this way."""
        if self.proto < 3 and self.fix_imports:
            module, name = _pickle_compat.to_python3(module, name)
        if module == '_codecs' and name == 'encode' and '_codecs' not in sys.modules:
            return codecs.encode
        __import__(module, level=0)
        module_obj = sys.modules[module]
        if self.proto >= 4:
            return _getattribute(module_obj, name)[0]
        try:
            return getattr(module_obj, name)
        except AttributeError:
            raise AttributeError("Can't get attribute %r on %r" % (name, module_obj)) from None

    def _decode_py2_string(self, value):
        # A Python 2 str: bytes under encoding='bytes', else decoded text.
        if self.encoding == 'bytes':
            return value
        return value.decode(self.encoding, self.errors)

    def _instantiate(self, klass, args):
        # INST and OBJ: call the class, or only __new__ when there are no
        # arguments and no __getinitargs__ (Python 2 classic classes).
        if args or not isinstance(klass, type) or hasattr(klass, '__getinitargs__'):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s"
                                % (klass.__name__, err)).with_traceback(err.__traceback__)
        else:
            value = klass.__new__(klass)
        self.stack.append(value)

    def _memo_get(self, index):
        try:
            self.stack.append(self.memo[index])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % index) from None

    def _extension(self, code):
        cached = copyreg._extension_cache.get(code)
        if cached is not None:
            self.stack.append(cached)
            return
        key = copyreg._inverted_registry.get(code)
        if not key:
            if code <= 0:
                raise UnpicklingError("EXT specifies code <= 0")
            raise ValueError("unregistered extension code %d" % code)
        obj = self.find_class(*key)
        copyreg._extension_cache[code] = obj
        self.stack.append(obj)


# --- Opcode handlers ------------------------------------------------------------
# Each takes the Unpickler; _HANDLERS maps the opcode byte to its handler.

def _load_proto(u):
    proto = u._read(1)[0]
    if not 0 <= proto <= 5:
        raise ValueError("unsupported pickle protocol: %d" % proto)
    u.proto = proto


def _load_stop(u):
    pass    # handled in the load loop


def _load_persid(u):
    try:
        pid = u._readline()[:-1].decode('ascii')
    except UnicodeDecodeError:
        raise UnpicklingError("persistent IDs in protocol 0 must be ASCII strings") from None
    _persistent(u, pid)


def _load_binpersid(u):
    _persistent(u, None)


def _persistent(u, pid):
    if u._persistent_load is None:
        raise UnpicklingError("A load persistent id instruction was encountered,\n"
                              "but no persistent_load function was specified.")
    if pid is None:
        pid = u._pop()
    u.stack.append(u._persistent_load(pid))


def _load_int(u):
    line = u._readline()
    if line == b'00\n':
        value = False
    elif line == b'01\n':
        value = True
    else:
        value = _parse_c_int(line)
    u.stack.append(value)


def _parse_c_int(line):
    # INT's text is read the way C's strtol reads it with base 0, so a
    # leading 0 means octal ("010" is 8), unlike Python's int(text, 0).
    text = line.strip().decode('ascii', 'replace')
    try:
        return int(text, 0)
    except ValueError:
        pass
    digits = text.lstrip('+-')
    if len(digits) > 1 and digits[0] == '0' and all(c in '01234567' for c in digits):
        value = int(digits, 8)
        return -value if text.startswith('-') else value
    raise ValueError("could not convert string to int")


def _load_long(u):
    line = u._readline()[:-1]
    if line.endswith(b'L'):
        line = line[:-1]
    u.stack.append(int(line, 0))


def _load_long1(u):
    size = u._read(1)[0]
    u.stack.append(decode_long(u._read(size)))


def _load_long4(u):
    size, = unpack('<i', u._read(4))
    if size < 0:
        raise UnpicklingError("LONG pickle has negative byte count")
    u.stack.append(decode_long(u._read(size)))


def _load_string(u):
    data = u._readline()[:-1]
    if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
        data = data[1:-1]
    else:
        raise UnpicklingError("the STRING opcode argument must be quoted")
    u.stack.append(u._decode_py2_string(_unescape_string(data)))


def _load_binstring(u):
    size, = unpack('<I', u._read(4))
    u.stack.append(u._decode_py2_string(u._read(size)))


def _sized(u, fmt, width):
    size, = unpack(fmt, u._read(width))
    if size > sys.maxsize:
        raise UnpicklingError("exceeds system's maximum size of %d bytes" % sys.maxsize)
    return u._read(size)


def _load_global(u):
    module = u._readline()[:-1].decode('utf-8')
    name = u._readline()[:-1].decode('utf-8')
    u.stack.append(u.find_class(module, name))


def _load_stack_global(u):
    name = u._pop()
    module = u._pop()
    if type(name) is not str or type(module) is not str:
        raise UnpicklingError("STACK_GLOBAL requires str")
    u.stack.append(u.find_class(module, name))


def _load_reduce(u):
    args = u._pop()
    func = u._top()
    if not isinstance(args, tuple):
        raise TypeError("argument list must be a tuple")
    u.stack[-1] = func(*args)


def _load_newobj(u):
    args = u._pop()
    cls = u._pop()
    if not isinstance(args, tuple):
        raise UnpicklingError("NEWOBJ expected an arg tuple.")
    u.stack.append(cls.__new__(cls, *args))


def _load_newobj_ex(u):
    kwargs = u._pop()
    args = u._pop()
    cls = u._pop()
    u.stack.append(cls.__new__(cls, *args, **kwargs))


def _load_inst(u):
    module = u._readline()[:-1].decode('ascii')
    name = u._readline()[:-1].decode('ascii')
    klass = u.find_class(module, name)
    u._instantiate(klass, tuple(u._pop_mark()))


def _load_obj(u):
    args = u._pop_mark()
    if not args:
        raise UnpicklingError("unpickling stack underflow")
    u._instantiate(args[0], tuple(args[1:]))


def _load_tuple_n(n):
    def handler(u):
        if len(u.stack) < n:
            raise UnpicklingError("unpickling stack underflow")
        items = tuple(u.stack[len(u.stack) - n:])
        del u.stack[len(u.stack) - n:]
        u.stack.append(items)
    return handler


def _load_append(u):
    value = u._pop()
    u._top().append(value)


def _load_appends(u):
    items = u._pop_mark()
    target = u._top()
    if type(target) is list:
        target.extend(items)
        return
    extend = getattr(target, 'extend', None)
    if extend is not None:
        extend(items)
        return
    for item in items:
        target.append(item)


def _load_setitem(u):
    value = u._pop()
    key = u._pop()
    u._top()[key] = value


def _load_setitems(u):
    items = u._pop_mark()
    target = u._top()
    if len(items) % 2:
        raise UnpicklingError("odd number of items for SETITEMS")
    for i in range(0, len(items), 2):
        target[items[i]] = items[i + 1]


def _load_additems(u):
    items = u._pop_mark()
    target = u._top()
    if isinstance(target, set):
        target.update(items)
    else:
        for item in items:
            target.add(item)


def _load_build(u):
    state = u._pop()
    inst = u._top()
    setstate = getattr(inst, '__setstate__', None)
    if setstate is not None:
        setstate(state)
        return
    slotstate = None
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    if state:
        if not isinstance(state, dict):
            raise UnpicklingError("state is not a dictionary")
        inst_dict = inst.__dict__
        for key, value in state.items():
            inst_dict[key] = value
    if slotstate:
        if not isinstance(slotstate, dict):
            raise UnpicklingError("slot state is not a dictionary")
        for key, value in slotstate.items():
            setattr(inst, key, value)


def _load_put_at(u, index):
    u._top()
    if index < 0:
        raise ValueError("negative PUT argument")
    u.memo[index] = u.stack[-1]


def _load_next_buffer(u):
    if u._buffers is None:
        raise UnpicklingError("pickle stream refers to out-of-band data "
                              "but no *buffers* argument was given")
    try:
        u.stack.append(next(u._buffers))
    except StopIteration:
        raise UnpicklingError("not enough out-of-band buffers") from None


def _load_readonly_buffer(u):
    buf = u._top()
    view = buf.raw() if isinstance(buf, PickleBuffer) else memoryview(buf)
    if not view.readonly:
        u.stack[-1] = view.toreadonly()


def _load_mark(u):
    u.metastack.append(u.stack)
    u.stack = []


def _load_pop(u):
    if u.stack:
        u.stack.pop()
    elif u.metastack:
        u._pop_mark()
    else:
        u._underflow()


def _load_dup(u):
    u.stack.append(u._top())


def _push(value):
    def handler(u):
        u.stack.append(value)
    return handler


def _push_new(factory):
    def handler(u):
        u.stack.append(factory())
    return handler


def _from_mark(build):
    # The handler for an opcode that turns the items above the mark into one
    # value.  The mark must be popped before self.stack is read again.
    def handler(u):
        value = build(u._pop_mark())
        u.stack.append(value)
    return handler


def _memo_put_text(u):
    _load_put_at(u, int(u._readline()[:-1]))


_HANDLERS = {
    ord('('): _load_mark,
    ord('.'): _load_stop,
    ord('0'): _load_pop,
    ord('1'): lambda u: u._pop_mark(),
    ord('2'): _load_dup,
    ord('F'): lambda u: u.stack.append(float(u._readline()[:-1])),
    ord('I'): _load_int,
    ord('J'): lambda u: u.stack.append(unpack('<i', u._read(4))[0]),
    ord('K'): lambda u: u.stack.append(u._read(1)[0]),
    ord('L'): _load_long,
    ord('M'): lambda u: u.stack.append(unpack('<H', u._read(2))[0]),
    ord('N'): _push(None),
    ord('P'): _load_persid,
    ord('Q'): _load_binpersid,
    ord('R'): _load_reduce,
    ord('S'): _load_string,
    ord('T'): _load_binstring,
    ord('U'): lambda u: u.stack.append(u._decode_py2_string(u._read(u._read(1)[0]))),
    ord('V'): lambda u: u.stack.append(_decode_raw_unicode(u._readline()[:-1])),
    ord('X'): lambda u: u.stack.append(
        str(_sized(u, '<I', 4), 'utf-8', 'surrogatepass')),
    ord('a'): _load_append,
    ord('b'): _load_build,
    ord('c'): _load_global,
    ord('d'): _from_mark(lambda items: dict(zip(items[::2], items[1::2]))),
    ord('}'): _push_new(dict),
    ord('e'): _load_appends,
    ord('g'): lambda u: u._memo_get(int(u._readline()[:-1])),
    ord('h'): lambda u: u._memo_get(u._read(1)[0]),
    ord('i'): _load_inst,
    ord('j'): lambda u: u._memo_get(unpack('<I', u._read(4))[0]),
    ord('l'): _from_mark(list),
    ord(']'): _push_new(list),
    ord('o'): _load_obj,
    ord('p'): _memo_put_text,
    ord('q'): lambda u: _load_put_at(u, u._read(1)[0]),
    ord('r'): lambda u: _load_put_at(u, unpack('<I', u._read(4))[0]),
    ord('s'): _load_setitem,
    ord('t'): _from_mark(tuple),
    ord(')'): _push(()),
    ord('u'): _load_setitems,
    ord('G'): lambda u: u.stack.append(unpack('>d', u._read(8))[0]),
    0x80: _load_proto,
    0x81: _load_newobj,
    0x82: lambda u: u._extension(u._read(1)[0]),
    0x83: lambda u: u._extension(unpack('<H', u._read(2))[0]),
    0x84: lambda u: u._extension(unpack('<i', u._read(4))[0]),
    0x85: _load_tuple_n(1),
    0x86: _load_tuple_n(2),
    0x87: _load_tuple_n(3),
    0x88: _push(True),
    0x89: _push(False),
    0x8a: _load_long1,
    0x8b: _load_long4,
    ord('B'): lambda u: u.stack.append(bytes(_sized(u, '<I', 4))),
    ord('C'): lambda u: u.stack.append(bytes(u._read(u._read(1)[0]))),
    0x8c: lambda u: u.stack.append(
        str(u._read(u._read(1)[0]), 'utf-8', 'surrogatepass')),
    0x8d: lambda u: u.stack.append(
        str(_sized(u, '<Q', 8), 'utf-8', 'surrogatepass')),
    0x8e: lambda u: u.stack.append(bytes(_sized(u, '<Q', 8))),
    0x8f: _push_new(set),
    0x90: _load_additems,
    0x91: _from_mark(frozenset),
    0x92: _load_newobj_ex,
    0x93: _load_stack_global,
    0x94: lambda u: _load_put_at(u, len(u.memo)),
    0x95: lambda u: u._load_frame(),
    0x96: lambda u: u.stack.append(bytearray(_sized(u, '<Q', 8))),
    0x97: _load_next_buffer,
    0x98: _load_readonly_buffer,
}


# --- Functions -------------------------------------------------------------------

def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Read a pickle from the open binary [file] and return the object."""
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=None):
    """Return the object rebuilt from the pickle in the bytes-like [data]."""
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    unpickler = Unpickler(None, fix_imports=fix_imports, buffers=buffers,
                          encoding=encoding, errors=errors)
    unpickler._buf = bytes(data)
    return unpickler.load()
