"""The codec registry: look codecs up by name, encode and decode through
them, and the pieces codecs are built from (CodecInfo, incremental coders,
error handlers, byte order marks).

Design notes
------------
gilpy's str.encode and bytes.decode implement the common text encodings
(utf-8, utf-16, utf-32, latin-1, ascii) in C.  This module wraps each of
them in a CodecInfo record, so that code written against the codecs API
works, and implements the few codecs that exist only here: utf-8-sig,
unicode_escape, raw_unicode_escape, rot13, hex and base64.

lookup() normalises the name, then asks the search functions registered
with register() (newest registrations last, first answer wins), then the
built-in table; answers are cached per normalised name.

An incremental decoder must not split a character across two calls, so
the built-in ones hold back the bytes of an incomplete trailing character
(_incomplete_tail) until more input or `final` arrives.

Left out: StreamReader/StreamWriter classes (CodecInfo.streamreader and
streamwriter are None), EncodedFile, and the charmap helpers.  codecs.open
with an encoding returns an ordinary text file rather than a
StreamReaderWriter.
"""

import sys

__all__ = [
    # the registry and one-shot coding
    "register", "unregister", "lookup", "encode", "decode", "CodecInfo",
    "getencoder", "getdecoder", "getincrementalencoder", "getincrementaldecoder",
    "getreader", "getwriter", "iterencode", "iterdecode", "open", "EncodedFile",
    "IncrementalEncoder", "IncrementalDecoder",
    # byte order marks
    "BOM", "BOM_BE", "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
    "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
    "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE",
    # error handlers
    "register_error", "lookup_error", "strict_errors", "ignore_errors",
    "replace_errors", "xmlcharrefreplace_errors", "backslashreplace_errors",
    "namereplace_errors",
]

# Byte order marks: U+FEFF as each encoding writes it.  The unqualified
# names are the machine's native order; BOM32_* and BOM64_* are the old
# names of the UTF-16 and UTF-32 marks.
BOM_UTF8 = '\ufeff'.encode('utf-8')
BOM_UTF16_LE = '\ufeff'.encode('utf-16-le')
BOM_UTF16_BE = '\ufeff'.encode('utf-16-be')
BOM_UTF32_LE = '\ufeff'.encode('utf-32-le')
BOM_UTF32_BE = '\ufeff'.encode('utf-32-be')
_NATIVE_LITTLE = sys.byteorder == 'little'
BOM_UTF16 = BOM_UTF16_LE if _NATIVE_LITTLE else BOM_UTF16_BE
BOM_UTF32 = BOM_UTF32_LE if _NATIVE_LITTLE else BOM_UTF32_BE
BOM, BOM_LE, BOM_BE = BOM_UTF16, BOM_UTF16_LE, BOM_UTF16_BE
BOM32_LE, BOM32_BE = BOM_UTF16_LE, BOM_UTF16_BE
BOM64_LE, BOM64_BE = BOM_UTF32_LE, BOM_UTF32_BE


class CodecInfo(tuple):
    """What lookup() returns.  As a tuple it is (encode, decode,
    streamreader, streamwriter), the shape of the oldest codec API; the
    attributes add the name and the incremental coder classes."""

    # False for bytes-to-bytes or str-to-str codecs (hex, base64, rot13),
    # which str.encode and bytes.decode refuse.
    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        info = super().__new__(cls, (encode, decode, streamreader, streamwriter))
        info.__dict__.update(name=name, encode=encode, decode=decode,
                             streamreader=streamreader, streamwriter=streamwriter,
                             incrementalencoder=incrementalencoder,
                             incrementaldecoder=incrementaldecoder)
        if _is_text_encoding is not None:
            info._is_text_encoding = _is_text_encoding
        return info

    def __repr__(self):
        kind = type(self)
        return "<%s.%s object for encoding %s at %#x>" % (
            kind.__module__, kind.__qualname__, self.name, id(self))


class IncrementalEncoder(object):
    """Base of encoders fed text piece by piece; subclasses define
    encode().  The default state is 0 (nothing pending)."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class IncrementalDecoder(object):
    """Base of decoders fed bytes piece by piece; subclasses define
    decode().  The state is (pending bytes, flags)."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """A decoder that keeps the bytes _buffer_decode() could not use yet
    and puts them in front of the next input."""

    def __init__(self, errors='strict'):
        super().__init__(errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        # Returns (text, number of bytes of input used).
        raise NotImplementedError

    def decode(self, input, final=False):
        pending = self.buffer + input
        text, used = self._buffer_decode(pending, self.errors, final)
        self.buffer = pending[used:]
        return text

    def reset(self):
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


def _incomplete_tail(data, unit):
    """Bytes at the end of [data] that may start an incomplete character."""
    if unit == 1:
        # utf-8: look back at most 3 bytes for an unfinished lead byte.
        for back in range(1, min(4, len(data)) + 1):
            b = data[-back]
            if b & 0xC0 == 0x80:
                continue
            need = 2 if b & 0xE0 == 0xC0 else 3 if b & 0xF0 == 0xE0 else \
                4 if b & 0xF8 == 0xF0 else 1
            return back if need > back else 0
        return 0
    return len(data) % unit


def _builtin_codec(name, unit):
    def encode(input, errors='strict'):
        if not isinstance(input, str):
            raise TypeError("%s_encode() argument 1 must be str, not %s"
                            % (name.replace('-', '_'), type(input).__name__))
        return input.encode(name, errors), len(input)

    def decode(input, errors='strict', final=False):
        data = bytes(input)
        return data.decode(name, errors), len(data)

    class _Encoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return input.encode(name, self.errors)

    class _Decoder(BufferedIncrementalDecoder):
        def _buffer_decode(self, input, errors, final):
            keep = 0 if final else _incomplete_tail(input, unit)
            usable = input[:len(input) - keep]
            return usable.decode(name, errors), len(usable)

    return CodecInfo(encode, decode, incrementalencoder=_Encoder,
                     incrementaldecoder=_Decoder, name=name)


def _utf8_sig():
    def encode(input, errors='strict'):
        return BOM_UTF8 + input.encode('utf-8', errors), len(input)

    def decode(input, errors='strict'):
        data = bytes(input)
        prefix = 0
        if data[:3] == BOM_UTF8:
            data = data[3:]
            prefix = 3
        return data.decode('utf-8', errors), len(data) + prefix

    return CodecInfo(encode, decode, name='utf-8-sig')


def _unicode_escape_decode_text(text):
    """Interpret Python string-literal escapes in [text]."""
    out = []
    i, n = 0, len(text)
    simple = {'\n': '', '\\': '\\', "'": "'", '"': '"', 'a': '\a', 'b': '\b',
              'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v'}
    while i < n:
        ch = text[i]
        if ch != '\\':
            out.append(ch)
            i += 1
            continue
        i += 1
        if i >= n:
            raise UnicodeDecodeError('unicodeescape', text.encode('latin-1'), i - 1, i,
                                     '\\ at end of string')
        c = text[i]
        if c in simple:
            out.append(simple[c])
            i += 1
        elif c in '01234567':
            j = i
            while j < n and j < i + 3 and text[j] in '01234567':
                j += 1
            out.append(chr(int(text[i:j], 8)))
            i = j
        elif c in 'xuU':
            width = {'x': 2, 'u': 4, 'U': 8}[c]
            digits = text[i + 1:i + 1 + width]
            if len(digits) != width or any(d not in '0123456789abcdefABCDEF' for d in digits):
                raise UnicodeDecodeError('unicodeescape', text.encode('latin-1'), i - 1,
                                         min(n, i + 1 + width),
                                         'truncated \\%sXX%s escape' % (c, 'XX' * (width // 2 - 1)))
            out.append(chr(int(digits, 16)))
            i += 1 + width
        elif c == 'N':
            import unicodedata
            end = text.index('}', i)
            out.append(unicodedata.lookup(text[i + 2:end]))
            i = end + 1
        else:
            out.append('\\' + c)
            i += 1
    return ''.join(out)


def _escape_codec(raw):
    def encode(input, errors='strict'):
        out = []
        for ch in input:
            o = ord(ch)
            if raw:
                out.append(ch if o < 256 else ('\\u%04x' % o if o < 0x10000 else '\\U%08x' % o))
            elif ch == '\\':
                out.append('\\\\')
            elif ch in '\t\n\r':
                out.append({'\t': '\\t', '\n': '\\n', '\r': '\\r'}[ch])
            elif 32 <= o < 127:
                out.append(ch)
            elif o < 256:
                out.append('\\x%02x' % o)
            elif o < 0x10000:
                out.append('\\u%04x' % o)
            else:
                out.append('\\U%08x' % o)
        return ''.join(out).encode('latin-1'), len(input)

    def decode(input, errors='strict'):
        # Like CPython, a str argument is taken as its UTF-8 bytes.
        data = input.encode('utf-8') if isinstance(input, str) else bytes(input)
        text = data.decode('latin-1')
        if raw:
            import re
            text = re.sub(r'\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})',
                          lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
            return text, len(data)
        return _unicode_escape_decode_text(text), len(data)

    return CodecInfo(encode, decode,
                     name='raw-unicode-escape' if raw else 'unicode-escape')


def _rot13():
    table = str.maketrans('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
                          'NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm')

    def code(input, errors='strict'):
        return input.translate(table), len(input)

    return CodecInfo(code, code, name='rot-13', _is_text_encoding=False)


def _hex():
    import binascii

    def encode(input, errors='strict'):
        return binascii.b2a_hex(input), len(input)

    def decode(input, errors='strict'):
        return binascii.a2b_hex(input), len(input)

    return CodecInfo(encode, decode, name='hex', _is_text_encoding=False)


def _base64():
    import base64

    def encode(input, errors='strict'):
        return base64.encodebytes(input), len(input)

    def decode(input, errors='strict'):
        return base64.decodebytes(input), len(input)

    return CodecInfo(encode, decode, name='base64', _is_text_encoding=False)


_ALIASES = {
    'utf8': 'utf-8', 'utf': 'utf-8', 'u8': 'utf-8', 'cp65001': 'utf-8',
    'latin1': 'iso8859-1', 'latin': 'iso8859-1', 'l1': 'iso8859-1',
    'iso88591': 'iso8859-1', 'iso_8859_1': 'iso8859-1', '8859': 'iso8859-1',
    'cp819': 'iso8859-1', 'iso8859_1': 'iso8859-1', 'iso_8859_1_1987': 'iso8859-1',
    'ascii': 'ascii', 'us_ascii': 'ascii', '646': 'ascii', 'us': 'ascii',
    'utf16': 'utf-16', 'utf_16': 'utf-16', 'utf_16_le': 'utf-16-le', 'utf_16le': 'utf-16-le',
    'utf_16_be': 'utf-16-be', 'utf_16be': 'utf-16-be',
    'utf32': 'utf-32', 'utf_32': 'utf-32', 'utf_32_le': 'utf-32-le', 'utf_32le': 'utf-32-le',
    'utf_32_be': 'utf-32-be', 'utf_32be': 'utf-32-be',
    'utf_8': 'utf-8', 'utf_8_sig': 'utf-8-sig', 'utf8_sig': 'utf-8-sig',
    'unicode_escape': 'unicode-escape', 'raw_unicode_escape': 'raw-unicode-escape',
    'rot13': 'rot-13', 'rot_13': 'rot-13', 'hex': 'hex', 'hex_codec': 'hex',
    'base64': 'base64', 'base_64': 'base64', 'base64_codec': 'base64',
}

_UNITS = {'utf-8': 1, 'iso8859-1': 1, 'ascii': 1, 'utf-16': 2, 'utf-16-le': 2,
          'utf-16-be': 2, 'utf-32': 4, 'utf-32-le': 4, 'utf-32-be': 4}

_search_functions = []
_cache = {}


def _normalize(encoding):
    return encoding.strip().lower().replace(' ', '_').replace('-', '_')


def register(search_function):
    """Add a function mapping a normalised encoding name to a CodecInfo."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _cache.clear()


def lookup(encoding):
    """The CodecInfo for [encoding]; LookupError if unknown."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s" % type(encoding).__name__)
    key = _normalize(encoding)
    info = _cache.get(key)
    if info is not None:
        return info
    for search in _search_functions:
        info = search(key)
        if info is not None:
            # Any 4-tuple will do (CodecInfo is one); it is kept as given.
            if not isinstance(info, tuple) or len(info) != 4:
                raise TypeError("codec search functions must return 4-tuples")
            _cache[key] = info
            return info
    name = _ALIASES.get(key) or _ALIASES.get(key.replace('_', ''))
    if name is None:
        raise LookupError("unknown encoding: %s" % encoding)
    if name in _UNITS:
        info = _builtin_codec(name, _UNITS[name])
    elif name == 'utf-8-sig':
        info = _utf8_sig()
    elif name == 'unicode-escape':
        info = _escape_codec(False)
    elif name == 'raw-unicode-escape':
        info = _escape_codec(True)
    elif name == 'rot-13':
        info = _rot13()
    elif name == 'hex':
        info = _hex()
    else:
        info = _base64()
    _cache[key] = info
    return info


def encode(obj, encoding='utf-8', errors='strict'):
    """[obj] encoded with the codec named [encoding]."""
    return lookup(encoding)[0](obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """[obj] decoded with the codec named [encoding]."""
    return lookup(encoding)[1](obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding)[0]


def getdecoder(encoding):
    return lookup(encoding)[1]


def getreader(encoding):
    return lookup(encoding)[2]


def getwriter(encoding):
    return lookup(encoding)[3]


def _incremental_class(encoding, which):
    found = getattr(lookup(encoding), which, None)
    if found is None:
        raise LookupError(encoding)
    return found


def getincrementalencoder(encoding):
    return _incremental_class(encoding, 'incrementalencoder')


def getincrementaldecoder(encoding):
    return _incremental_class(encoding, 'incrementaldecoder')


def _run_incremental(coder, pieces, empty):
    # Feed every piece, then flush with final=True; empty results are not
    # passed on.
    for piece in pieces:
        result = coder(piece)
        if result:
            yield result
    result = coder(empty, True)
    if result:
        yield result


def iterencode(iterator, encoding, errors='strict', **kwargs):
    """Encode the strings [iterator] yields, yielding bytes."""
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    return _run_incremental(encoder.encode, iterator, "")


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """Decode the bytes [iterator] yields, yielding strings."""
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    return _run_incremental(decoder.decode, iterator, b"")


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open a file; with an [encoding], as text in that encoding whatever
    [mode] says ('b' in mode is ignored then)."""
    import builtins
    if encoding is None:
        return builtins.open(filename, mode, buffering)
    return builtins.open(filename, mode.replace('b', ''), buffering,
                         encoding=encoding, errors=errors)


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    raise NotImplementedError("codecs.EncodedFile is not supported by gilpy")


# ---------------------------------------------------------------------------
# Error handlers.  Each takes the Unicode error and returns (replacement,
# position to resume at).


def strict_errors(exc):
    raise exc


def ignore_errors(exc):
    return ('', exc.end)


def _failed_part(exc):
    return exc.object[exc.start:exc.end]


def replace_errors(exc):
    # '?' for each character that could not be encoded; one U+FFFD for
    # undecodable bytes.
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    return ('\ufffd', exc.end)


def xmlcharrefreplace_errors(exc):
    return (''.join('&#%d;' % ord(ch) for ch in _failed_part(exc)), exc.end)


def _escape_code(code):
    if code < 0x100:
        return '\\x%02x' % code
    if code < 0x10000:
        return '\\u%04x' % code
    return '\\U%08x' % code


def backslashreplace_errors(exc):
    part = _failed_part(exc)
    if isinstance(exc, UnicodeEncodeError):
        codes = [ord(ch) for ch in part]
    else:
        codes = list(part)             # undecodable bytes: always \xNN
    return (''.join(_escape_code(code) for code in codes), exc.end)


def namereplace_errors(exc):
    import unicodedata
    return (''.join('\\N{%s}' % unicodedata.name(ch) for ch in _failed_part(exc)), exc.end)


_error_handlers = {
    'strict': strict_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'backslashreplace': backslashreplace_errors,
    'namereplace': namereplace_errors,
}


def register_error(name, error_handler):
    """Make [error_handler] known as errors=[name]."""
    if not callable(error_handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = error_handler


def lookup_error(name):
    if name not in _error_handlers:
        raise LookupError("unknown error handler name '%s'" % name)
    return _error_handlers[name]
