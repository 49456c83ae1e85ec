"""Response objects returned by urllib.request.urlopen().

Design notes
------------
CPython's urlopen() hands back an http.client.HTTPResponse reading a socket.
gilpy's HTTP runs on libcurl (src/mod/curl.c), so the response here reads a
_gpcurl.Transfer instead: the headers are complete when urlopen() returns,
and read(n) waits - with the GIL released - for the body bytes to arrive.
The body is streamed, not buffered in full first: read(n) returns as soon as
n bytes are in (or the transfer ended), so a progress bar can follow a large
download. The public surface is HTTPResponse's: status, reason, headers
(an http.client.HTTPMessage), getheader(s), read, read1, readline(s),
iteration, readinto, length, version, geturl/info/getcode, close and the
context-manager protocol. addinfourl and friends stay for code that builds
responses around a file object, as in CPython.
"""

__all__ = ['addbase', 'addclosehook', 'addinfo', 'addinfourl', 'HTTPResponse']


class addbase:
    """A file-like wrapper with a close() and context-manager support."""

    def __init__(self, fp):
        self.fp = fp

    def __getattr__(self, name):
        return getattr(self.__dict__['fp'], name)

    def __repr__(self):
        return '<%s at %r whose fp = %r>' % (self.__class__.__name__, id(self), self.fp)

    def __enter__(self):
        if self.fp.closed:
            raise ValueError("I/O operation on closed file")
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __iter__(self):
        return iter(self.fp)

    def read(self, *args):
        return self.fp.read(*args)

    def readline(self, *args):
        return self.fp.readline(*args)

    def close(self):
        self.fp.close()


class addclosehook(addbase):
    """Calls closehook(*hookargs) when closed."""

    def __init__(self, fp, closehook, *hookargs):
        addbase.__init__(self, fp)
        self.closehook = closehook
        self.hookargs = hookargs

    def close(self):
        try:
            hook, args = self.closehook, self.hookargs
            if hook:
                self.closehook = None
                self.hookargs = None
                hook(*args)
        finally:
            addbase.close(self)


class addinfo(addbase):
    """A file with an info() method for its headers."""

    def __init__(self, fp, headers):
        addbase.__init__(self, fp)
        self.headers = headers

    def info(self):
        return self.headers


class addinfourl(addinfo):
    """A file with info(), geturl() and getcode()."""

    def __init__(self, fp, headers, url, code=None):
        addinfo.__init__(self, fp, headers)
        self.url = url
        self.code = code

    @property
    def status(self):
        return self.code

    def getcode(self):
        return self.code

    def geturl(self):
        return self.url


_READ_CHUNK = 65536

# HTTPResponse's "look the header up yourself" marker.
_FROM_HEADERS = object()


class HTTPResponse:
    """The response to an HTTP request made by urlopen(), read from a
    _gpcurl.Transfer whose headers have arrived."""

    # One response is made per request, and storing an attribute in a slot
    # costs a fifth of storing it in the instance dict; the dict stays for
    # attributes a program adds, and weak references work as on CPython's.
    __slots__ = ('_transfer', '_timeout', '_raise_error', '_pending', 'url', '_method', 'status',
                 'code', 'reason', 'headers', 'msg', 'version', 'debuglevel', 'will_close',
                 'chunked', 'length', '_consumed', '_closed', '__dict__', '__weakref__')

    def __init__(self, transfer, url, method, status, reason, headers, version, timeout,
                 raise_error, content_length=_FROM_HEADERS, transfer_encoding=_FROM_HEADERS):
        # [content_length] and [transfer_encoding] are those headers' values
        # (None: absent) when the caller found them already (urlopen() has
        # them from _gpcurl); otherwise they are looked up in [headers].
        self._transfer = transfer
        self._timeout = timeout
        self._raise_error = raise_error  # turns the transfer's error into an exception
        self._pending = b''              # read ahead by readline()
        self.url = url
        self._method = method
        self.status = status
        self.code = status
        self.reason = reason
        self.headers = self.msg = headers
        self.version = version
        self.debuglevel = 0
        self.will_close = False
        if transfer_encoding is _FROM_HEADERS:
            transfer_encoding = headers.get('transfer-encoding')
        self.chunked = chunked = (transfer_encoding is not None
                                  and 'chunked' in transfer_encoding.lower())
        if content_length is _FROM_HEADERS:
            content_length = headers.get('content-length')
        length = None
        if content_length is not None and not chunked:
            try:
                length = int(content_length)
            except ValueError:
                length = None
            else:
                if length < 0:
                    length = None
        if method == 'HEAD' or status in (204, 304) or 100 <= status < 200:
            length = 0
        self.length = length
        self._consumed = 0
        self._closed = False

    def __repr__(self):
        return '<http.client.HTTPResponse object at %#x>' % id(self)

    # -- reading ----------------------------------------------------------

    def _fetch(self, n):
        """Up to n bytes (all when n < 0), fewer only at the end."""
        transfer = self._transfer
        if transfer is None:
            return b''
        data = transfer.read(n, self._timeout)
        if (n < 0 or len(data) < n) and transfer.error is not None:
            self._raise_error(self, transfer, data)
        self._consumed += len(data)
        if self.length is not None:
            self.length = max(self.length - len(data), 0)
        if n < 0 or len(data) < n:
            self._close_transfer()
        return data

    def read(self, amt=None):
        if self._transfer is None and not self._pending:
            return b''
        if self._method == 'HEAD':
            self._close_transfer()
            return b''
        if amt is None or amt < 0:
            data = self._pending + self._fetch(-1)
            self._pending = b''
            return data
        if amt <= len(self._pending):
            data = self._pending[:amt]
            self._pending = self._pending[amt:]
            return data
        head = self._pending
        self._pending = b''
        return head + self._fetch(amt - len(head))

    def read1(self, n=-1):
        if self._pending:
            if n is None or n < 0 or n >= len(self._pending):
                data, self._pending = self._pending, b''
            else:
                data, self._pending = self._pending[:n], self._pending[n:]
            return data
        if self._transfer is None:
            return b''
        # What has already arrived, or at least one byte when nothing has.
        buffered = self._transfer.buffered
        want = buffered if buffered else 1
        if n is not None and n >= 0:
            want = min(want, n)
        data = self._fetch(want)
        if buffered == 0 and data:
            data += self._transfer.read_nowait(-1 if n is None or n < 0 else n - len(data))
        return data

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def peek(self, n=0):
        if not self._pending:
            self._pending = self.read1(max(n, 1))
        return self._pending

    def readline(self, limit=-1):
        line = b''
        while True:
            if self._pending:
                i = self._pending.find(b'\n')
                stop = len(self._pending) if i < 0 else i + 1
                if limit is not None and limit >= 0:
                    stop = min(stop, limit - len(line))
                line += self._pending[:stop]
                self._pending = self._pending[stop:]
                if line.endswith(b'\n') or (limit is not None and 0 <= limit <= len(line)):
                    return line
            if self._transfer is None:
                return line
            chunk = self.read1(_READ_CHUNK)
            if not chunk:
                return line
            self._pending = chunk

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    # -- headers and metadata ----------------------------------------------

    def getheader(self, name, default=None):
        if self.headers is None:
            raise ResponseNotReadyError()
        values = self.headers.get_all(name) or default
        if isinstance(values, str) or not hasattr(values, '__iter__'):
            return values
        return ', '.join(values)

    def getheaders(self):
        return list(self.headers.items())

    def info(self):
        return self.headers

    def geturl(self):
        return self.url

    def getcode(self):
        return self.status

    # -- closing -------------------------------------------------------------

    def _close_transfer(self):
        transfer = self._transfer
        if transfer is not None:
            self._transfer = None
            transfer.close()

    def close(self):
        self._closed = True
        self._pending = b''
        self._close_transfer()

    def isclosed(self):
        return self._transfer is None and not self._pending

    @property
    def closed(self):
        # As io.IOBase: only close() closes; reading to the end does not.
        return self._closed

    def readable(self):
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def flush(self):
        pass

    def fileno(self):
        raise OSError('the response of a libcurl transfer has no file descriptor')

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # No __del__: a response dropped unclosed drops its Transfer, whose own
    # deallocation stops the transfer and gives its connection back.


class ResponseNotReadyError(Exception):
    pass
