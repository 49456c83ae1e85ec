"""The client-side pieces of http.client that urllib responses are made of.

Design notes
------------
urllib.request's transfers run on libcurl (see lib/urllib/request.py); this
module is the other way in, the one scripts use to speak HTTP/1.1 on a
socket of their own: HTTPConnection writes requests (putrequest,
putheader, endheaders or just request()) and HTTPResponse reads the status
line, headers and a body delimited by Content-Length, chunked transfer
coding or the end of the connection. The connection is a small state
machine (idle, request started, request sent) that refuses out-of-order
calls with CannotSendRequest, CannotSendHeader or ResponseNotReady, as
CPython's does; a response the server will not keep alive closes the
connection, and the next request opens a new one. Both block only inside
socket calls, which release the GIL. There is no HTTPSConnection (gilpy's
ssl module has contexts but no TLS sockets; urllib.request does https
through libcurl). Also here:
HTTPMessage (the header container behind `response.headers`),
parse_headers(), the `responses` table, the port constants and the
HTTPException family.

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
import io
import socket

__all__ = ["HTTPResponse", "HTTPConnection",
           "HTTPException", "NotConnected",
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


# ---------------------------------------------------------------------------
# Connections and responses

_IDLE = "Idle"
_STARTED = "Request-started"
_SENT = "Request-sent"
_UNKNOWN = "UNKNOWN"

# Methods whose requests carry a body even when it is empty.
_BODY_METHODS = {"PATCH", "POST", "PUT"}

_patterns = None


def _pattern(name):
    """One of the request checks, compiled on first use: urllib imports this
    module for HTTPMessage alone and should not pay for re."""
    global _patterns
    if _patterns is None:
        import re
        _patterns = {
            "header_name_ok": re.compile(rb"[^:\s][^:\r\n]*").fullmatch,
            "header_value_bad": re.compile(rb"\n(?![ \t])|\r(?![ \t\n])").search,
            "url_control": re.compile("[\x00-\x20\x7f]").search,
            "method_control": re.compile("[\x00-\x1f]").search,
        }
    return _patterns[name]


def _latin1(text, what):
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError as err:
        raise UnicodeEncodeError(
            err.encoding, err.object, err.start, err.end,
            "%s (%.20r) is not valid Latin-1. Use %s.encode('utf-8') if you want "
            "to send it encoded in UTF-8." % (what.title(), text[err.start:err.end], what)
        ) from None


class HTTPResponse(io.BufferedIOBase):
    """One response, read from the connection's socket.

    begin() reads the status line and headers; read() then returns the
    body, decoding chunked transfer coding and stopping at Content-Length.
    """

    def __init__(self, sock, debuglevel=0, method=None, url=None):
        self.fp = sock.makefile("rb")
        self.debuglevel = debuglevel
        self._method = method
        self.headers = self.msg = None
        self.version = self.status = self.reason = _UNKNOWN
        self.chunked = self.chunk_left = self.length = self.will_close = _UNKNOWN

    def _status_line(self):
        raw = self.fp.readline(_MAXLINE + 1)
        if len(raw) > _MAXLINE:
            raise LineTooLong("status line")
        line = str(raw, "iso-8859-1")
        if not line:
            # The server closed without a word: usually a kept-alive
            # connection it had already given up on.
            raise RemoteDisconnected("Remote end closed connection without response")
        words = line.split(None, 2)
        version = words[0] if words else ""
        if not version.startswith("HTTP/") or len(words) < 2:
            self._close_conn()
            raise BadStatusLine(line)
        try:
            code = int(words[1])
        except ValueError:
            raise BadStatusLine(line) from None
        if not 100 <= code <= 999:
            raise BadStatusLine(line)
        return version, code, words[2] if len(words) > 2 else ""

    def begin(self):
        if self.headers is not None:
            return
        version, code, reason = self._status_line()
        while code == CONTINUE:
            parse_headers(self.fp)  # an interim response's headers: dropped
            version, code, reason = self._status_line()
        self.code = self.status = code
        self.reason = reason.strip()
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10
        elif version.startswith("HTTP/1."):
            self.version = 11
        else:
            raise UnknownProtocol(version)
        self.headers = self.msg = parse_headers(self.fp)
        coding = self.headers.get("transfer-encoding")
        self.chunked = bool(coding) and coding.lower() == "chunked"
        self.chunk_left = None
        self.will_close = self._closes_after()
        self.length = None
        declared = self.headers.get("content-length")
        if declared and not self.chunked:
            try:
                self.length = int(declared)
            except ValueError:
                pass
            else:
                if self.length < 0:
                    self.length = None
        if code in (NO_CONTENT, NOT_MODIFIED) or code < 200 or self._method == "HEAD":
            self.length = 0
        if self.length is None and not self.chunked:
            # Only the end of the connection can end this body.
            self.will_close = True

    def _closes_after(self):
        """Whether the server ends the connection after this response."""
        connection = (self.headers.get("connection") or "").lower()
        if self.version == 11:
            return "close" in connection
        if self.headers.get("keep-alive") or "keep-alive" in connection:
            return False
        proxy = (self.headers.get("proxy-connection") or "").lower()
        return "keep-alive" not in proxy

    def _close_conn(self):
        fp, self.fp = self.fp, None
        if fp is not None:
            fp.close()

    def close(self):
        try:
            super().close()
        finally:
            self._close_conn()

    def flush(self):
        super().flush()
        if self.fp:
            self.fp.flush()

    def readable(self):
        return True

    def isclosed(self):
        return self.fp is None

    def _exactly(self, size):
        """[size] bytes from the socket, or IncompleteRead."""
        data = self.fp.read(size)
        if len(data) < size:
            raise IncompleteRead(data, size - len(data))
        return data

    def read(self, amt=None):
        if self.fp is None:
            return b""
        if self._method == "HEAD":
            self._close_conn()
            return b""
        if amt is not None and amt < 0:
            amt = None
        if self.chunked:
            return self._read_chunks(amt)
        if amt is None:
            if self.length is None:
                data = self.fp.read()
            else:
                try:
                    data = self._exactly(self.length)
                except IncompleteRead:
                    self._close_conn()
                    raise
                self.length = 0
            self._close_conn()
            return data
        if self.length is not None:
            amt = min(amt, self.length)
        data = self.fp.read(amt)
        if not data and amt:
            self._close_conn()
        elif self.length is not None:
            self.length -= len(data)
            if not self.length:
                self._close_conn()
        return data

    def read1(self, n=-1):
        return self.read(None if n < 0 else n)

    def readinto(self, b):
        view = memoryview(b).cast("B")
        data = self.read(len(view))
        view[:len(data)] = data
        return len(data)

    def _chunk_size(self):
        """The size of the next chunk (0 for the last), trailers consumed."""
        line = self.fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("chunk size")
        try:
            size = int(line.split(b";", 1)[0], 16)
        except ValueError:
            self._close_conn()
            raise IncompleteRead(b"") from None
        if size == 0:
            while True:
                trailer = self.fp.readline(_MAXLINE + 1)
                if len(trailer) > _MAXLINE:
                    raise LineTooLong("trailer line")
                if trailer in (b"\r\n", b"\n", b""):
                    break
        return size

    def _read_chunks(self, amt):
        parts = []
        wanted = amt
        while wanted is None or wanted > 0:
            if not self.chunk_left:
                if self.chunk_left == 0:
                    self._exactly(2)  # the CRLF after the previous chunk
                try:
                    self.chunk_left = self._chunk_size()
                except IncompleteRead:
                    raise IncompleteRead(b"".join(parts)) from None
                if self.chunk_left == 0:
                    self._close_conn()
                    break
            take = self.chunk_left if wanted is None else min(wanted, self.chunk_left)
            try:
                parts.append(self._exactly(take))
            except IncompleteRead as err:
                raise IncompleteRead(b"".join(parts) + err.partial) from None
            self.chunk_left -= take
            if wanted is not None:
                wanted -= take
        return b"".join(parts)

    def readline(self, limit=-1):
        if self.fp is None or self._method == "HEAD":
            return b""
        if self.chunked:
            line = bytearray()
            while limit < 0 or len(line) < limit:
                byte = self.read(1)
                if not byte:
                    break
                line += byte
                if byte == b"\n":
                    break
            return bytes(line)
        if self.length is not None and (limit < 0 or limit > self.length):
            limit = self.length
        line = self.fp.readline(limit)
        if not line and limit:
            self._close_conn()
        elif self.length is not None:
            # Unlike read(), reaching the end leaves the response open (as
            # CPython's does) until it is closed or read() is called.
            self.length -= len(line)
        return line

    def fileno(self):
        return self.fp.fileno()

    def getheader(self, name, default=None):
        if self.headers is None:
            raise ResponseNotReady()
        values = self.headers.get_all(name) or default
        if isinstance(values, str) or not hasattr(values, "__iter__"):
            return values
        return ", ".join(values)

    def getheaders(self):
        if self.headers is None:
            raise ResponseNotReady()
        return list(self.headers.items())

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def info(self):
        return self.headers

    def geturl(self):
        return getattr(self, "url", None)

    def getcode(self):
        return self.status


class HTTPConnection:
    """A persistent HTTP/1.1 connection to one host and port."""

    _http_vsn = 11
    _http_vsn_str = "HTTP/1.1"
    response_class = HTTPResponse
    default_port = HTTP_PORT
    auto_open = 1
    debuglevel = 0

    def __init__(self, host, port=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT,
                 source_address=None, blocksize=8192):
        self.timeout = timeout
        self.source_address = source_address
        self.blocksize = blocksize
        self.sock = None
        self._buffer = []
        self._response = None
        self._state = _IDLE
        self._method = None
        self.host, self.port = self._get_hostport(host, port)
        self._check_no_controls(self.host, InvalidURL, "URL")
        self._create_connection = socket.create_connection

    def _get_hostport(self, host, port):
        if port is None:
            colon, bracket = host.rfind(":"), host.rfind("]")
            if colon > bracket:
                digits = host[colon + 1:]
                if digits:
                    try:
                        port = int(digits)
                    except ValueError:
                        raise InvalidURL("nonnumeric port: '%s'" % digits) from None
                else:
                    port = self.default_port
                host = host[:colon]
            else:
                port = self.default_port
        if host[:1] == "[" and host[-1:] == "]":
            host = host[1:-1]
        return host, port

    @staticmethod
    def _check_no_controls(text, error, what):
        found = _pattern("method_control" if what == "method" else "url_control")(text)
        if found:
            raise error("%s can't contain control characters. %r (found at least %r)"
                        % (what, text, found.group()))

    def set_debuglevel(self, level):
        self.debuglevel = level

    def connect(self):
        """Opens the socket (request() does it when needed)."""
        self.sock = self._create_connection((self.host, self.port), self.timeout,
                                            self.source_address)
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass

    def close(self):
        self._state = _IDLE
        sock, self.sock = self.sock, None
        response, self._response = self._response, None
        try:
            if sock:
                sock.close()
        finally:
            if response:
                response.close()

    def send(self, data):
        """Sends bytes, a readable file, or an iterable of bytes."""
        if self.sock is None:
            if not self.auto_open:
                raise NotConnected()
            self.connect()
        if hasattr(data, "read"):
            for block in self._blocks_of(data):
                self.sock.sendall(block)
            return
        try:
            self.sock.sendall(data)
        except TypeError:
            try:
                pieces = iter(data)
            except TypeError:
                raise TypeError("data should be a bytes-like object or an iterable, "
                                "got %r" % type(data)) from None
            for piece in pieces:
                self.sock.sendall(piece)

    def _blocks_of(self, readable):
        text = "b" not in getattr(readable, "mode", "b")
        while True:
            block = readable.read(self.blocksize)
            if not block:
                return
            yield block.encode("iso-8859-1") if text else block

    def _send_output(self, body=None, encode_chunked=False):
        self._buffer += [b"", b""]
        head = b"\r\n".join(self._buffer)
        self._buffer.clear()
        self.send(head)
        if body is None:
            return
        if hasattr(body, "read"):
            pieces = self._blocks_of(body)
        else:
            try:
                memoryview(body)
                pieces = (body,)
            except TypeError:
                try:
                    pieces = iter(body)
                except TypeError:
                    raise TypeError("message_body should be a bytes-like object or an "
                                    "iterable, got %r" % type(body)) from None
        chunked = encode_chunked and self._http_vsn == 11
        for piece in pieces:
            if not piece:
                continue  # an empty chunk would end a chunked body early
            if isinstance(piece, str):
                piece = piece.encode("iso-8859-1")
            if chunked:
                piece = b"%X\r\n" % len(piece) + piece + b"\r\n"
            self.send(piece)
        if chunked:
            self.send(b"0\r\n\r\n")

    def putrequest(self, method, url, skip_host=False, skip_accept_encoding=False):
        """Starts a request: the request line, then Host and Accept-Encoding
        unless skipped."""
        if self._response and self._response.isclosed():
            self._response = None
        if self._state != _IDLE:
            raise CannotSendRequest(self._state)
        self._state = _STARTED
        self._check_no_controls(method, ValueError, "method")
        self._method = method
        url = url or "/"
        self._check_no_controls(url, InvalidURL, "URL")
        self._buffer.append(("%s %s %s" % (method, url, self._http_vsn_str)).encode("ascii"))
        if self._http_vsn != 11:
            return
        if not skip_host:
            self.putheader("Host", self._host_header(url))
        if not skip_accept_encoding:
            self.putheader("Accept-Encoding", "identity")

    def _host_header(self, url):
        if url.startswith("http"):
            import urllib.parse
            netloc = urllib.parse.urlsplit(url).netloc
            if netloc:
                return self._ascii_or_idna(netloc)
        host = self._ascii_or_idna(self.host)
        if ":" in self.host:
            host = b"[" + host + b"]"
        if self.port == self.default_port:
            return host
        return "%s:%s" % (host.decode("ascii"), self.port)

    @staticmethod
    def _ascii_or_idna(name):
        try:
            return name.encode("ascii")
        except UnicodeEncodeError:
            return name.encode("idna")

    def putheader(self, header, *values):
        if self._state != _STARTED:
            raise CannotSendHeader()
        if hasattr(header, "encode"):
            header = header.encode("ascii")
        if not _pattern("header_name_ok")(header):
            raise ValueError("Invalid header name %r" % (header,))
        encoded = []
        for value in values:
            if hasattr(value, "encode"):
                value = value.encode("latin-1")
            elif isinstance(value, int):
                value = str(value).encode("ascii")
            if _pattern("header_value_bad")(value):
                raise ValueError("Invalid header value %r" % (value,))
            encoded.append(value)
        self._buffer.append(header + b": " + b"\r\n\t".join(encoded))

    def endheaders(self, message_body=None, *, encode_chunked=False):
        """Ends the headers and sends them, with the body if given."""
        if self._state != _STARTED:
            raise CannotSendHeader()
        self._state = _SENT
        self._send_output(message_body, encode_chunked=encode_chunked)

    def request(self, method, url, body=None, headers={}, *, encode_chunked=False):
        """Sends a whole request; Content-Length or chunked coding is chosen
        from the body unless the headers say."""
        names = {name.lower() for name in headers}
        self.putrequest(method, url, skip_host="host" in names,
                        skip_accept_encoding="accept-encoding" in names)
        if "content-length" in names:
            encode_chunked = False
        elif "transfer-encoding" not in names:
            encode_chunked = False
            length = self._body_length(body, method)
            if length is not None:
                self.putheader("Content-Length", str(length))
            elif body is not None:
                encode_chunked = True
                self.putheader("Transfer-Encoding", "chunked")
        for name, value in headers.items():
            self.putheader(name, value)
        if isinstance(body, str):
            body = _latin1(body, "body")
        self.endheaders(body, encode_chunked=encode_chunked)

    @staticmethod
    def _body_length(body, method):
        """Content-Length for [body], or None when it cannot be known."""
        if body is None:
            return 0 if method.upper() in _BODY_METHODS else None
        if hasattr(body, "read"):
            return None
        if isinstance(body, str):
            return len(body)
        try:
            return memoryview(body).nbytes
        except TypeError:
            return None

    def getresponse(self):
        """Reads the response to the request sent; the connection can send
        the next request once this response has been read."""
        if self._response and self._response.isclosed():
            self._response = None
        if self._state != _SENT or self._response:
            raise ResponseNotReady(self._state)
        response = self.response_class(self.sock, self.debuglevel, method=self._method)
        try:
            try:
                response.begin()
            except ConnectionError:
                self.close()
                raise
            self._state = _IDLE
            if response.will_close:
                self.close()
            else:
                self._response = response
            return response
        except BaseException:
            response.close()
            raise
