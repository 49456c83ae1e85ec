"""The client-side pieces of http.client that urllib responses are made of.

Design notes
------------
gilpy's HTTP transfers run on libcurl (see lib/urllib/request.py), so this
module does not carry CPython's HTTPConnection. What scripts still see from
http.client is kept: HTTPMessage (the header container behind
`response.headers`), parse_headers(), the `responses` table, the port
constants and the HTTPException family.

HTTPMessage keeps the headers as an ordered list of (name, value) pairs, as
they arrived, because HTTP allows a name more than once (Set-Cookie) and
scripts print them in order. Lookups compare names case-insensitively;
`msg[name]` and get() return the first value, get_all() all of them, and
`msg[name] = value` appends rather than replaces (the email.message
semantics CPython's HTTPMessage inherits). str(msg) renders the header
block: one "Name: value" line per header and a blank line.

Parameters of a header ("text/html; charset=UTF-8") are split by
_parse_params with the quoting rules of RFC 2045: ';' separates, '=' binds,
a double-quoted value may contain ';' and backslash escapes.
"""

import http

__all__ = ["HTTPException", "NotConnected",
           "UnknownProtocol", "UnknownTransferEncoding", "UnimplementedFileMode",
           "IncompleteRead", "InvalidURL", "ImproperConnectionState",
           "CannotSendRequest", "CannotSendHeader", "ResponseNotReady",
           "BadStatusLine", "LineTooLong", "RemoteDisconnected", "error",
           "responses", "HTTPMessage", "parse_headers"]

HTTP_PORT = 80
HTTPS_PORT = 443

# Limits parse_headers() applies, as CPython's.
_MAXLINE = 65536
_MAXHEADERS = 100

# The reason phrase of each status code: responses[404] == 'Not Found'.
responses = {v: v.phrase for v in http.HTTPStatus.__members__.values()}

# Every HTTPStatus name as a module constant (http.client.NOT_FOUND == 404).
globals().update(http.HTTPStatus.__members__)


# ---------------------------------------------------------------------------
# Header parameters

def _split_params(value):
    # Splits on ';' outside double quotes.
    parts = []
    current = []
    quoted = False
    escaped = False
    for ch in value:
        if escaped:
            current.append(ch)
            escaped = False
        elif ch == '\\' and quoted:
            current.append(ch)
            escaped = True
        elif ch == '"':
            current.append(ch)
            quoted = not quoted
        elif ch == ';' and not quoted:
            parts.append(''.join(current))
            current = []
        else:
            current.append(ch)
    parts.append(''.join(current))
    return parts


def _unquote_value(value):
    if len(value) > 1 and value[0] == value[-1] == '"':
        value = value[1:-1].replace('\\\\', '\\').replace('\\"', '"')
    elif len(value) > 1 and value[0] == '<' and value[-1] == '>':
        value = value[1:-1]
    return value


def _parse_params(value):
    # [(name, value)...]: the first item is the main value with '' as its
    # value; parameter names are lower-cased.
    parts = _split_params(value)
    result = [(parts[0].strip(), '')]
    for part in parts[1:]:
        part = part.strip()
        if not part:
            continue
        name, eq, val = part.partition('=')
        name = name.strip().lower()
        if eq:
            result.append((name, val.strip()))
        else:
            result.append((name, ''))
    return result


def _header_to_str(name, value):
    # A folded value keeps its continuation lines, with '\n' line ends.
    return '%s: %s\n' % (name, value.replace('\r\n', '\n'))


class HTTPMessage:
    """An ordered, case-insensitive collection of HTTP header fields."""

    # Every urllib response makes one: its fields in slots are cheaper to
    # set than in the instance dict, which stays for anything else.
    __slots__ = ('_headers', '_payload', 'policy', 'preamble', 'epilogue', 'defects',
                 '__dict__', '__weakref__')

    def __init__(self, policy=None):
        self._headers = []
        self._payload = None
        self.policy = policy
        self.preamble = self.epilogue = None
        self.defects = []

    # -- mapping-style access ------------------------------------------------

    def __len__(self):
        return len(self._headers)

    def __contains__(self, name):
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return True
        return False

    def __iter__(self):
        for k, v in self._headers:
            yield k

    def __getitem__(self, name):
        return self.get(name)

    def __setitem__(self, name, value):
        # Appends: a second value for a name is a second header line.
        self._headers.append((name, value))

    def __delitem__(self, name):
        name = name.lower()
        self._headers = [(k, v) for k, v in self._headers if k.lower() != name]

    def keys(self):
        return [k for k, v in self._headers]

    def values(self):
        return [v for k, v in self._headers]

    def items(self):
        return list(self._headers)

    def raw_items(self):
        return iter(self._headers.copy())

    def get(self, name, failobj=None):
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return v
        return failobj

    def get_all(self, name, failobj=None):
        name = name.lower()
        values = [v for k, v in self._headers if k.lower() == name]
        if not values:
            return failobj
        return values

    def add_header(self, _name, _value, **params):
        parts = []
        for k, v in params.items():
            k = k.replace('_', '-')
            if v is None:
                parts.append(k)
            else:
                parts.append('%s="%s"' % (k, str(v).replace('\\', '\\\\').replace('"', '\\"')))
        if _value is not None:
            parts.insert(0, _value)
        self._headers.append((_name, '; '.join(parts)))

    def replace_header(self, _name, _value):
        name = _name.lower()
        for i, (k, v) in enumerate(self._headers):
            if k.lower() == name:
                self._headers[i] = (k, _value)
                return
        raise KeyError(_name)

    def set_raw(self, name, value):
        self._headers.append((name, value))

    # -- content type and parameters --------------------------------------------

    def get_content_type(self):
        missing = object()
        value = self.get('content-type', missing)
        if value is missing:
            return self.get_default_type()
        ctype = _split_params(value)[0].strip().lower()
        if ctype.count('/') != 1:
            return 'text/plain'
        return ctype

    def get_content_maintype(self):
        return self.get_content_type().split('/')[0]

    def get_content_subtype(self):
        return self.get_content_type().split('/')[1]

    def get_default_type(self):
        return 'text/plain'

    def get_params(self, failobj=None, header='content-type', unquote=True):
        missing = object()
        value = self.get(header, missing)
        if value is missing:
            return failobj
        params = _parse_params(value)
        if unquote:
            return [(k, _unquote_value(v)) for k, v in params]
        return params

    def get_param(self, param, failobj=None, header='content-type', unquote=True):
        missing = object()
        value = self.get(header, missing)
        if value is missing:
            return failobj
        param = param.lower()
        for k, v in _parse_params(value)[1:]:
            if k == param:
                return _unquote_value(v) if unquote else v
        return failobj

    def get_content_charset(self, failobj=None):
        missing = object()
        charset = self.get_param('charset', missing)
        if charset is missing:
            return failobj
        try:
            charset.encode('us-ascii')
        except UnicodeError:
            return failobj
        return charset.lower()

    def get_charsets(self, failobj=None):
        return [self.get_content_charset(failobj)]

    def get_filename(self, failobj=None):
        missing = object()
        filename = self.get_param('filename', missing, 'content-disposition')
        if filename is missing:
            filename = self.get_param('name', missing, 'content-type')
        if filename is missing:
            return failobj
        return filename.strip()

    # -- legacy and rendering ------------------------------------------------------

    def getallmatchingheaders(self, name):
        name = name.lower() + ':'
        n = len(name)
        lst = []
        hit = 0
        for line in self.keys():
            if line[:n].lower() == name:
                hit = 1
            elif not line[:1].isspace():
                hit = 0
            if hit:
                lst.append(line)
        return lst

    def get_payload(self, i=None, decode=False):
        return self._payload

    def set_payload(self, payload, charset=None):
        self._payload = payload

    def is_multipart(self):
        return False

    def as_string(self, unixfrom=False, maxheaderlen=0, policy=None):
        text = ''.join(_header_to_str(k, v) for k, v in self._headers) + '\n'
        if self._payload:
            text += self._payload
        return text

    def __str__(self):
        return self.as_string()

    def as_bytes(self, unixfrom=False, policy=None):
        return self.as_string().encode('utf-8', 'surrogateescape')

    def __bytes__(self):
        return self.as_bytes()


def _parse_header_lines(lines):
    # [lines] are str header lines without the terminating blank line;
    # a line starting with whitespace continues the previous header.
    msg = HTTPMessage()
    name = None
    value_lines = []
    for line in lines:
        if line[:1] in (' ', '\t') and name is not None:
            value_lines.append(line)
            continue
        if name is not None:
            msg.set_raw(name, ''.join(value_lines).rstrip('\r\n'))
        name, colon, value = line.partition(':')
        if not colon:
            msg.defects.append(line)
            name = None
            continue
        name = name.rstrip(' \t')
        value_lines = [value.lstrip(' \t')]
    if name is not None:
        msg.set_raw(name, ''.join(value_lines).rstrip('\r\n'))
    return msg


def parse_headers(fp, _class=HTTPMessage):
    """Reads header lines from the binary file [fp] up to the blank line and
    returns them as an HTTPMessage."""
    headers = []
    while True:
        line = fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("header line")
        headers.append(line)
        if len(headers) > _MAXHEADERS:
            raise HTTPException("got more than %d headers" % _MAXHEADERS)
        if line in (b'\r\n', b'\n', b''):
            break
    text = b''.join(headers).decode('iso-8859-1')
    lines = text.splitlines(keepends=True)
    lines = [l for l in lines if l not in ('\r\n', '\n')]
    msg = _parse_header_lines(lines)
    if _class is not HTTPMessage:
        out = _class()
        for k, v in msg.items():
            out.set_raw(k, v)
        msg = out
    return msg


def parse_header_bytes(data):
    """gilpy helper: an HTTPMessage from a raw header block ([data] bytes
    or str, the status line already removed)."""
    if isinstance(data, (bytes, bytearray)):
        data = bytes(data).decode('iso-8859-1')
    lines = [l for l in data.splitlines(keepends=True) if l not in ('\r\n', '\n')]
    return _parse_header_lines(lines)


# ---------------------------------------------------------------------------
# Exceptions

class HTTPException(Exception):
    pass


class NotConnected(HTTPException):
    pass


class InvalidURL(HTTPException):
    pass


class UnknownProtocol(HTTPException):
    def __init__(self, version):
        self.args = version,
        self.version = version


class UnknownTransferEncoding(HTTPException):
    pass


class UnimplementedFileMode(HTTPException):
    pass


class IncompleteRead(HTTPException):
    def __init__(self, partial, expected=None):
        self.args = partial,
        self.partial = partial
        self.expected = expected

    def __repr__(self):
        if self.expected is not None:
            e = ', %i more expected' % self.expected
        else:
            e = ''
        return '%s(%i bytes read%s)' % (self.__class__.__name__, len(self.partial), e)

    __str__ = object.__str__


class ImproperConnectionState(HTTPException):
    pass


class CannotSendRequest(ImproperConnectionState):
    pass


class CannotSendHeader(ImproperConnectionState):
    pass


class ResponseNotReady(ImproperConnectionState):
    pass


class BadStatusLine(HTTPException):
    def __init__(self, line):
        if not line:
            line = repr(line)
        self.args = line,
        self.line = line


class LineTooLong(HTTPException):
    def __init__(self, line_type):
        HTTPException.__init__(self, "got more than %d bytes when reading %s"
                               % (_MAXLINE, line_type))


class RemoteDisconnected(ConnectionResetError, BadStatusLine):
    def __init__(self, *pos, **kw):
        BadStatusLine.__init__(self, "")
        ConnectionResetError.__init__(self, *pos, **kw)
        # The OSError half owns args (and errno/strerror for two or more).
        self.args = pos


# For backwards compatibility, as in CPython.
error = HTTPException
