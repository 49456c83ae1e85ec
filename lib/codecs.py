"""Codec registry and helpers: encode, decode, lookup, BOM constants and
incremental utf-8 coding.

Design notes
------------
gilpy's str.encode/bytes.decode implement the common text encodings in C;
this module wraps them in CodecInfo records so code written against the
codecs API works, and adds the few codecs that live only here
(utf-8-sig, unicode_escape, raw_unicode_escape, rot13, hex, base64).
Search functions registered with register() are consulted first, as in
CPython. Incremental decoders keep the bytes of an incomplete trailing
sequence until the next call.
"""

import sys

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE",
           "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE", "CodecInfo",
           "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors", "backslashreplace_errors",
           "namereplace_errors", "register_error", "lookup_error",
           "encode", "decode", "iterencode", "iterdecode",
           "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter",
           "IncrementalEncoder", "IncrementalDecoder", "unregister"]

BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


class CodecInfo(tuple):
    """(encode, decode, streamreader, streamwriter) plus name and the
    incremental coder classes."""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__, self.name, id(self))


class IncrementalEncoder(object):
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
    """Keeps undecodable trailing bytes for the next call."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
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
            if not isinstance(info, CodecInfo):
                if not isinstance(info, tuple) or len(info) != 4:
                    raise TypeError("codec search functions must return 4-tuples")
                info = CodecInfo(*info)
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
    """Encode [obj] with the codec for [encoding]."""
    return lookup(encoding).encode(obj, errors)[0]


def decode(obj, encoding='utf-8', errors='strict'):
    """Decode [obj] with the codec for [encoding]."""
    return lookup(encoding).decode(obj, errors)[0]


def getencoder(encoding):
    return lookup(encoding).encode


def getdecoder(encoding):
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    return lookup(encoding).streamreader


def getwriter(encoding):
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """builtins.open with the codec's encoding (binary mode is forced
    when no encoding is given, as in CPython)."""
    import builtins
    if encoding is not None and 'b' not in mode:
        return builtins.open(filename, mode, buffering, encoding=encoding, errors=errors)
    if encoding is not None:
        mode = mode.replace('b', '')
        return builtins.open(filename, mode, buffering, encoding=encoding, errors=errors)
    if 'b' not in mode:
        mode = mode + 'b'
    return builtins.open(filename, mode, buffering)


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    raise NotImplementedError("codecs.EncodedFile is not supported by gilpy")


_error_handlers = {}


def strict_errors(exc):
    raise exc


def ignore_errors(exc):
    return ('', exc.end)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    return ('\ufffd', exc.end)


def xmlcharrefreplace_errors(exc):
    s = exc.object[exc.start:exc.end]
    return (''.join('&#%d;' % ord(c) for c in s), exc.end)


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        s = exc.object[exc.start:exc.end]
        return (''.join('\\x%02x' % ord(c) if ord(c) < 256 else
                        '\\u%04x' % ord(c) if ord(c) < 0x10000 else '\\U%08x' % ord(c)
                        for c in s), exc.end)
    s = exc.object[exc.start:exc.end]
    return (''.join('\\x%02x' % b for b in s), exc.end)


def namereplace_errors(exc):
    import unicodedata
    s = exc.object[exc.start:exc.end]
    return (''.join('\\N{%s}' % unicodedata.name(c) for c in s), exc.end)


for _name, _fn in (('strict', strict_errors), ('ignore', ignore_errors),
                   ('replace', replace_errors),
                   ('xmlcharrefreplace', xmlcharrefreplace_errors),
                   ('backslashreplace', backslashreplace_errors),
                   ('namereplace', namereplace_errors)):
    _error_handlers[_name] = _fn
del _name, _fn


def register_error(name, error_handler):
    """Register an error handler (used by lookup_error; gilpy's built-in
    encoders only know the standard handler names)."""
    if not callable(error_handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = error_handler


def lookup_error(name):
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None
