"""ClientSession, TCPConnector, ClientTimeout and ClientResponse on libcurl.

Design notes
------------
A TCPConnector owns one _gpcurl.Multi: a libcurl multi handle bound to the
running asyncio loop's libuv loop (created on first use, so a connector is
tied to the loop it first ran on). Its `limit`/`limit_per_host` become
libcurl's connection limits, and its connection cache gives keep-alive.

A request is one _gpcurl.Transfer started in that Multi. libcurl runs it
while the loop polls; every time headers, body bytes or the end arrive, the
transfer calls _Exchange._wake() under the GIL (through the loop's
completion queue, see src/mod/curl.c), which resolves the future the
coroutine is waiting on. The response is returned once its headers are in;
read()/text()/json() wait for the end, content.read(n) for the next bytes,
so a large download streams.

Cancelling the awaiting task (or the total timeout firing) closes the
transfer at once: the easy handle leaves the multi on the loop's thread,
and libcurl drops its connection. Timeouts are ClientTimeout(total=...):
one loop timer per request, covering connecting, the headers and reading
the body, raising asyncio.TimeoutError as aiohttp does.

Redirects are followed here (301/302/303 turn a POST into a GET, 307/308
keep the method), at most max_redirects times, then TooManyRedirects.
"""

import asyncio
import sys

import _gpcurl
from .client_exceptions import (
    ClientConnectorError, ClientConnectorCertificateError, ClientConnectorSSLError,
    ClientPayloadError, ClientResponseError, ContentTypeError, InvalidURL,
    ServerDisconnectedError, TooManyRedirects, ClientOSError)
from ._structures import CIMultiDict, CIMultiDictProxy, URL

__all__ = ('ClientSession', 'ClientTimeout', 'TCPConnector', 'ClientResponse',
           'RequestInfo', 'StreamReader', 'request', 'HttpVersion', 'HttpVersion10',
           'HttpVersion11')

__version__ = '3.8.4'
_USER_AGENT = 'Python/%d.%d aiohttp/%s' % (sys.version_info[0], sys.version_info[1],
                                           __version__)
# The headers every request has unless told otherwise, as aiohttp's.
_AUTO_HEADERS = (('Accept', '*/*'), ('Accept-Encoding', 'gzip, deflate'),
                 ('User-Agent', _USER_AGENT))
_AUTO_FOLDED = tuple(name.lower() for name, _ in _AUTO_HEADERS)


def _header_lines(headers):
    return ['%s: %s' % (k, v) for k, v in headers.items()]


_AUTO_LINES = _header_lines(dict(_AUTO_HEADERS))


try:
    from socket import gaierror as _gaierror
except ImportError:
    # socket.gaierror's stand-in while gilpy's socket module lacks it.
    _gaierror = type('gaierror', (OSError,), {'__module__': 'socket'})


def _json_dumps(obj):
    import json
    return json.dumps(obj)


def _json_loads(text):
    import json
    return json.loads(text)


class HttpVersion(tuple):
    """A response's HTTP version: (major, minor), as aiohttp's NamedTuple."""
    __slots__ = ()

    def __new__(cls, major, minor):
        return tuple.__new__(cls, (major, minor))

    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])

    def __repr__(self):
        return 'HttpVersion(major=%r, minor=%r)' % self


HttpVersion10 = HttpVersion(1, 0)
HttpVersion11 = HttpVersion(1, 1)
# _gpcurl's http_version (10, 11, 20, 30) -> HttpVersion; 0 when unknown.
_HTTP_VERSIONS = {10: HttpVersion10, 11: HttpVersion11, 20: HttpVersion(2, 0),
                  30: HttpVersion(3, 0)}


class _Sentinel:
    def __repr__(self):
        return '<sentinel>'


sentinel = _Sentinel()


class ClientTimeout:
    """Timeouts in seconds; only `total` is enforced by gilpy (connect and
    sock_connect bound the connection phase)."""

    __slots__ = ('total', 'connect', 'sock_read', 'sock_connect')

    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect

    def __repr__(self):
        return ('ClientTimeout(total=%r, connect=%r, sock_read=%r, sock_connect=%r)'
                % (self.total, self.connect, self.sock_read, self.sock_connect))

    def __eq__(self, other):
        if not isinstance(other, ClientTimeout):
            return NotImplemented
        return ((self.total, self.connect, self.sock_read, self.sock_connect)
                == (other.total, other.connect, other.sock_read, other.sock_connect))


DEFAULT_TIMEOUT = ClientTimeout(total=5 * 60)


class ConnectionKey:
    __slots__ = ('host', 'port', 'is_ssl', 'ssl', 'proxy', 'proxy_auth', 'proxy_headers_hash')

    def __init__(self, host, port, is_ssl, ssl=None):
        self.host = host
        self.port = port
        self.is_ssl = is_ssl
        self.ssl = ssl
        self.proxy = None
        self.proxy_auth = None
        self.proxy_headers_hash = None

    def __repr__(self):
        return ('ConnectionKey(host=%r, port=%r, is_ssl=%r, ssl=%r, proxy=None, '
                'proxy_auth=None, proxy_headers_hash=None)'
                % (self.host, self.port, self.is_ssl, self.ssl))


class RequestInfo:
    __slots__ = ('url', 'method', 'headers', 'real_url')

    def __init__(self, url, method, headers, real_url=None):
        self.url = url
        self.method = method
        self.headers = headers
        self.real_url = real_url if real_url is not None else url

    def __repr__(self):
        return 'RequestInfo(url=%r, method=%r, headers=%r, real_url=%r)' % (
            self.url, self.method, self.headers, self.real_url)


def _merge_ssl_params(ssl, verify_ssl, ssl_context):
    """aiohttp 3.8's reading of the deprecated verify_ssl/ssl_context
    arguments beside ssl (None, True/False or an ssl.SSLContext)."""
    for given, replacement, value in ((verify_ssl is not None and not verify_ssl,
                                       'verify_ssl is deprecated, use ssl=False instead', False),
                                      (ssl_context is not None,
                                       'ssl_context is deprecated, use ssl=context instead',
                                       ssl_context)):
        if not given:
            continue
        import warnings
        warnings.warn(replacement, DeprecationWarning, stacklevel=3)
        if ssl is not None:
            raise ValueError('verify_ssl, ssl_context, fingerprint and ssl parameters are '
                             'mutually exclusive')
        ssl = value
    if ssl is not None and not isinstance(ssl, bool) and not hasattr(ssl, '_curl_options'):
        raise TypeError('ssl should be SSLContext, bool, Fingerprint or None, got %r instead.'
                        % (ssl,))
    return ssl


def _tls_options(ssl):
    """The Transfer's tls= and verify= for a merged ssl value: a context's
    settings, ssl=False no checks, None (or True) the default checks."""
    if ssl is None or ssl is True:
        return None, True
    if ssl is False:
        return None, False
    return ssl._curl_options(), True


class TCPConnector:
    """A connection pool: at most [limit] connections at once (0: no limit),
    [limit_per_host] to one host; kept alive between requests. [ssl] is
    the requests' default TLS setting (see ClientSession._request)."""

    def __init__(self, *, limit=100, limit_per_host=0, ssl=None, verify_ssl=True,
                 ssl_context=None, force_close=False, enable_cleanup_closed=False,
                 ttl_dns_cache=10, use_dns_cache=True, family=0, local_addr=None,
                 resolver=None, keepalive_timeout=sentinel, loop=None, **kwargs):
        self._limit = limit
        self._limit_per_host = limit_per_host
        self._ssl = _merge_ssl_params(ssl, verify_ssl, ssl_context)
        self._multi = None
        self._loop = None
        self._closed = False

    @property
    def limit(self):
        return self._limit

    @property
    def limit_per_host(self):
        return self._limit_per_host

    @property
    def closed(self):
        return self._closed

    def _pool(self):
        """The Multi on the running loop, made on first use."""
        if self._closed:
            raise RuntimeError('Session is closed')
        loop = asyncio.get_running_loop()
        if self._multi is None:
            self._multi = _gpcurl.Multi(loop._core, self._limit, self._limit_per_host)
            self._loop = loop
        elif self._loop is not loop:
            raise RuntimeError('the connector is attached to a different event loop')
        return self._multi

    def close(self):
        """Ends every transfer and closes the pool's connections."""
        self._closed = True
        multi, self._multi = self._multi, None
        if multi is not None:
            multi.close()
        return _Done()


class _Done:
    """What aiohttp 3.8's sync close() returns: awaitable, with nothing to wait for."""

    def __await__(self):
        return
        yield


# ---------------------------------------------------------------------------
# One transfer and the futures waiting on it
# ---------------------------------------------------------------------------

class _Exchange:
    """A running _gpcurl.Transfer, the coroutine waiting on it and its
    total-timeout timer."""

    def __init__(self, loop, transfer, deadline):
        self.loop = loop
        self.transfer = transfer
        self.waiter = None
        self.timed_out = False
        self.timer = None
        if deadline is not None:
            self.timer = loop.call_at(deadline, self._time_out)

    def _wake(self):
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def _time_out(self):
        self.timer = None
        self.timed_out = True
        self.transfer.close()
        waiter = self.waiter
        if waiter is not None and not waiter.done():
            waiter.set_exception(asyncio.TimeoutError())

    async def wait_until(self, ready):
        """Waits until ready() is true; closes the transfer if cancelled."""
        while not ready():
            if self.timed_out:
                raise asyncio.TimeoutError()
            self.waiter = self.loop.create_future()
            try:
                await self.waiter
            except asyncio.CancelledError:
                self.close()
                raise
            finally:
                self.waiter = None

    def close(self):
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        self.transfer.close()


def _connect_error(url, error, is_ssl, ssl=None, verify_result=0):
    if error is None:
        # The transfer ended cleanly but no complete response head came.
        return ServerDisconnectedError()
    code, message, errno = error
    key = ConnectionKey(url.host, url.port, is_ssl, ssl)
    if code in _CURLE_TLS:
        import ssl as ssl_module
        tls_error = ssl_module._error_from_curl(url.host, code, message, verify_result)
        if isinstance(tls_error, ssl_module.CertificateError):
            return ClientConnectorCertificateError(key, tls_error)
        if tls_error is not None:
            return ClientConnectorSSLError(key, tls_error)
    if code in (5, 6):  # CURLE_COULDNT_RESOLVE_PROXY / _HOST
        return ClientConnectorError(key, _gaierror(-2, 'Name or service not known'))
    if code == 7:  # CURLE_COULDNT_CONNECT
        return ClientConnectorError(key, ConnectionRefusedError(
            errno or 111, 'Connect call failed (%r, %r)' % (url.host, url.port)))
    if code == 28:  # CURLE_OPERATION_TIMEDOUT
        return asyncio.TimeoutError()
    if code == 52:  # CURLE_GOT_NOTHING
        return ServerDisconnectedError()
    if code in (1, 3):  # unsupported protocol / malformed URL
        return InvalidURL(str(url))
    if code in (55, 56):
        return ClientOSError(errno or 104, message)
    return ClientConnectorError(key, OSError(errno or 0, message))


# The TLS failures ssl._error_from_curl() knows (see lib/ssl.py).
_CURLE_TLS = frozenset((35, 58, 59, 60, 77, 82, 83, 98))


def _body_error(error):
    code, message, errno = error
    if code == 18:  # CURLE_PARTIAL_FILE
        return ClientPayloadError('Response payload is not completed')
    if code in (55, 56):
        return ClientOSError(errno or 104, message)
    if code == 52:
        return ServerDisconnectedError()
    if code == 28:
        return asyncio.TimeoutError()
    if code == _gpcurl.CLOSED:
        return ClientOSError(0, 'Connection closed')
    return ClientPayloadError(message)


class StreamReader:
    """response.content: the body as it arrives."""

    def __init__(self, response):
        self._response = response

    def _exchange(self):
        return self._response._exchange

    async def _wait_for_data(self):
        ex = self._response._exchange
        if ex is None:
            return
        t = ex.transfer
        await ex.wait_until(lambda: t.buffered > 0 or t.done)

    def _take(self, n):
        ex = self._response._exchange
        if ex is None:
            return b''
        t = ex.transfer
        data = t.read_nowait(n)
        if not data and t.done:
            self._response._finish()
        return data

    async def read(self, n=-1):
        """Up to n bytes as soon as some are in; all of the rest for n < 0."""
        if n is None or n < 0:
            return await self._response.read_rest()
        if n == 0:
            return b''
        await self._wait_for_data()
        return self._take(n)

    async def readany(self):
        await self._wait_for_data()
        return self._take(-1)

    async def readexactly(self, n):
        parts = []
        got = 0
        while got < n:
            chunk = await self.read(n - got)
            if not chunk:
                partial = b''.join(parts)
                raise asyncio.IncompleteReadError(partial, n)
            parts.append(chunk)
            got += len(chunk)
        return b''.join(parts)

    async def readline(self):
        parts = []
        while True:
            chunk = await self.read(1)
            if not chunk:
                break
            parts.append(chunk)
            if chunk == b'\n':
                break
        return b''.join(parts)

    def at_eof(self):
        ex = self._response._exchange
        return ex is None or (ex.transfer.done and ex.transfer.buffered == 0)

    def iter_chunked(self, n):
        return _ChunkIterator(self, n)

    def iter_any(self):
        return _ChunkIterator(self, -1)

    def __aiter__(self):
        return _LineIterator(self)


class _ChunkIterator:
    def __init__(self, stream, n):
        self._stream = stream
        self._n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self._n < 0:
            chunk = await self._stream.readany()
        else:
            chunk = await self._stream.read(self._n)
        if not chunk:
            raise StopAsyncIteration
        return chunk


class _LineIterator:
    def __init__(self, stream):
        self._stream = stream

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self._stream.readline()
        if not line:
            raise StopAsyncIteration
        return line


def _parse_content_type(value):
    if not value:
        return 'application/octet-stream', {}
    parts = value.split(';')
    mimetype = parts[0].strip().lower()
    params = {}
    for part in parts[1:]:
        name, sep, val = part.partition('=')
        if sep:
            params[name.strip().lower()] = val.strip().strip('"')
    return mimetype, params


class _Released:
    """What a StreamReader reads from once its response is released."""

    _exchange = None

    def _finish(self):
        pass

    async def read_rest(self):
        return b''


_RELEASED = _Released()


class ClientResponse:
    """A response whose headers have arrived; the body is read on demand."""

    def __init__(self, method, url, exchange, request_info, history):
        self.method = method
        self._url = url
        self._exchange = exchange
        self._request_info = request_info
        self.history = history
        t = exchange.transfer
        self.status = t.status
        self.version = _HTTP_VERSIONS.get(t.http_version)
        self.reason, items, folded = t.parse_headers(folded=True)
        self.headers = CIMultiDictProxy._of(items, folded)
        if not self.reason:
            try:
                from http import HTTPStatus
                self.reason = HTTPStatus(self.status).phrase
            except (ImportError, ValueError):
                self.reason = ''
        self._content = None
        self._body = None
        self._released = False

    @property
    def request_info(self):
        info = self._request_info
        if type(info) is tuple:
            url, method, headers = info
            shown = CIMultiDict([('Host', url.host if url.explicit_port is None
                                  else '%s:%d' % (url.host, url.port))])
            shown.extend(headers)
            info = self._request_info = RequestInfo(url, method, CIMultiDictProxy(shown))
        return info

    @property
    def content(self):
        # Made on first use: the reader and the response refer to each
        # other, and a response nobody streams should be freed by reference
        # counting alone (_finish breaks the cycle of one that was).
        reader = self._content
        if reader is None:
            reader = self._content = StreamReader(self)
        return reader

    @property
    def url(self):
        return self._url

    @property
    def real_url(self):
        return self._url

    @property
    def host(self):
        return self._url.host

    @property
    def ok(self):
        return self.status < 400

    @property
    def raw_headers(self):
        return tuple((k.encode('latin-1'), v.encode('latin-1')) for k, v in self.headers.items())

    @property
    def content_type(self):
        return _parse_content_type(self.headers.get('Content-Type'))[0]

    @property
    def charset(self):
        return _parse_content_type(self.headers.get('Content-Type'))[1].get('charset')

    @property
    def content_length(self):
        value = self.headers.get('Content-Length')
        return int(value) if value is not None else None

    @property
    def closed(self):
        return self._exchange is None

    def __repr__(self):
        return '<ClientResponse(%s) [%s %s]>\n%r\n' % (self._url, self.status, self.reason,
                                                        self.headers)

    def _finish(self):
        ex = self._exchange
        if ex is not None:
            self._exchange = None
            ex.close()
        if self._content is not None:
            self._content._response = _RELEASED

    async def read_rest(self):
        """The rest of the body (all of it if nothing was read yet)."""
        ex = self._exchange
        if ex is None:
            return b''
        t = ex.transfer
        t.want(-1)  # all of it: back-pressure must not pause the transfer
        await ex.wait_until(lambda: t.done)
        data = t.read_nowait(-1)
        error = t.error
        self._finish()
        if error is not None:
            raise _body_error(error)
        return data

    async def read(self):
        if self._body is None:
            self._body = await self.read_rest()
        return self._body

    def get_encoding(self):
        charset = self.charset
        if charset:
            return charset
        if self.content_type == 'application/json':
            return 'utf-8'
        return 'utf-8'

    async def text(self, encoding=None, errors='strict'):
        body = await self.read()
        if encoding is None:
            encoding = self.get_encoding()
        return body.decode(encoding, errors)

    async def json(self, *, encoding=None, loads=_json_loads, content_type='application/json'):
        body = await self.read()
        if content_type:
            ctype = self.headers.get('Content-Type', '').lower()
            if content_type not in ctype:
                raise ContentTypeError(
                    self.request_info, self.history,
                    message='Attempt to decode JSON with unexpected mimetype: %s' % ctype,
                    headers=self.headers)
        stripped = body.strip()
        if not stripped:
            return None
        if encoding is None:
            encoding = self.get_encoding()
        return loads(stripped.decode(encoding))

    def raise_for_status(self):
        if not self.ok:
            self.release()
            raise ClientResponseError(self.request_info, self.history, status=self.status,
                                      message=self.reason, headers=self.headers)

    def release(self):
        self._finish()
        return _Done()

    def close(self):
        self._finish()

    async def wait_for_close(self):
        self._finish()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


# ---------------------------------------------------------------------------
# The session
# ---------------------------------------------------------------------------

class _RequestContextManager:
    """What session.get() returns: await it, or use it with `async with`."""

    __slots__ = ('_coro', '_resp')

    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    def send(self, arg):
        return self._coro.send(arg)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


class _SessionRequestContextManager(_RequestContextManager):
    """aiohttp.request(): closes its private session afterwards."""

    __slots__ = ('_session',)

    def __init__(self, coro, session):
        _RequestContextManager.__init__(self, coro)
        self._session = session

    async def __aenter__(self):
        try:
            self._resp = await self._coro
        except BaseException:
            await self._session.close()
            raise
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()
        await self._session.close()


def _encode_body(data, json, json_serialize):
    """(body bytes or None, default Content-Type or None)."""
    if data is not None and json is not None:
        raise ValueError('data and json parameters can not be used at the same time')
    if json is not None:
        return json_serialize(json).encode('utf-8'), 'application/json'
    if data is None:
        return None, None
    if isinstance(data, (bytes, bytearray)):
        return bytes(data), 'application/octet-stream'
    if isinstance(data, str):
        return data.encode('utf-8'), 'text/plain; charset=utf-8'
    if hasattr(data, 'items') or isinstance(data, (list, tuple)):
        from urllib.parse import urlencode
        return urlencode(list(data.items()) if hasattr(data, 'items') else data).encode(
            'utf-8'), 'application/x-www-form-urlencoded'
    if hasattr(data, 'read'):
        body = data.read()
        return (body.encode('utf-8') if isinstance(body, str) else body,
                'application/octet-stream')
    raise TypeError('data must be bytes, str, a mapping or a file, not %s'
                    % type(data).__name__)


class ClientSession:
    """A pool of connections and the defaults for the requests made through it."""

    def __init__(self, base_url=None, *, connector=None, loop=None, cookies=None, headers=None,
                 skip_auto_headers=None, auth=None, json_serialize=_json_dumps,
                 timeout=sentinel, raise_for_status=False, connector_owner=True,
                 auto_decompress=True, trust_env=False, read_timeout=sentinel,
                 conn_timeout=None, cookie_jar=None, version=None, requote_redirect_url=True,
                 trace_configs=None, read_bufsize=2 ** 16, **kwargs):
        self._base_url = URL(base_url) if base_url is not None else None
        self._connector = connector if connector is not None else TCPConnector()
        self._connector_owner = connector_owner
        self._default_headers = CIMultiDict(headers or {})
        self._timeout = DEFAULT_TIMEOUT if timeout is sentinel else timeout
        self._raise_for_status = raise_for_status
        self._auto_decompress = auto_decompress
        self._json_serialize = json_serialize
        self._skip_auto_headers = frozenset(h.lower() for h in (skip_auto_headers or ()))
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def connector(self):
        return self._connector

    @property
    def timeout(self):
        return self._timeout

    @property
    def headers(self):
        return self._default_headers

    async def close(self):
        if not self._closed:
            self._closed = True
            if self._connector_owner:
                self._connector.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method, url, **kwargs))

    def get(self, url, *, allow_redirects=True, **kwargs):
        return self.request('GET', url, allow_redirects=allow_redirects, **kwargs)

    def options(self, url, *, allow_redirects=True, **kwargs):
        return self.request('OPTIONS', url, allow_redirects=allow_redirects, **kwargs)

    def head(self, url, *, allow_redirects=False, **kwargs):
        return self.request('HEAD', url, allow_redirects=allow_redirects, **kwargs)

    def post(self, url, *, data=None, **kwargs):
        return self.request('POST', url, data=data, **kwargs)

    def put(self, url, *, data=None, **kwargs):
        return self.request('PUT', url, data=data, **kwargs)

    def patch(self, url, *, data=None, **kwargs):
        return self.request('PATCH', url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def _build_url(self, url):
        url = URL(url)
        if self._base_url is None:
            return url
        return self._base_url.join(url)

    def _request_headers(self, headers, content_type):
        """The request's headers, and the same as 'Name: value' lines."""
        if (not headers and content_type is None and not self._default_headers
                and not self._skip_auto_headers):
            # The usual case, the same every time.
            return CIMultiDict._of(list(_AUTO_HEADERS), list(_AUTO_FOLDED)), _AUTO_LINES
        merged = CIMultiDict(self._default_headers)
        if headers:
            for name, value in (headers.items() if hasattr(headers, 'items') else headers):
                merged[name] = value
        defaults = list(_AUTO_HEADERS)
        if content_type is not None:
            defaults.append(('Content-Type', content_type))
        for name, value in defaults:
            if name not in merged and name.lower() not in self._skip_auto_headers:
                merged[name] = value
        return merged, _header_lines(merged)

    async def _request(self, method, str_or_url, *, params=None, data=None, json=None,
                       cookies=None, headers=None, skip_auto_headers=None, auth=None,
                       allow_redirects=True, max_redirects=10, compress=None, chunked=None,
                       expect100=False, raise_for_status=None, read_until_eof=True,
                       proxy=None, proxy_auth=None, timeout=sentinel, verify_ssl=None,
                       fingerprint=None, ssl_context=None, ssl=None, proxy_headers=None,
                       trace_request_ctx=None, read_bufsize=None):
        if self._closed:
            raise RuntimeError('Session is closed')
        loop = asyncio.get_running_loop()
        body, content_type = _encode_body(data, json, self._json_serialize)
        method = method.upper()
        url = self._build_url(str_or_url)
        if params:
            url = url.update_query(params)
        if not url.host or url.scheme not in ('http', 'https'):
            raise InvalidURL(str(url))
        request_headers, request_lines = self._request_headers(headers, content_type)

        if timeout is sentinel:
            timeout = self._timeout
        elif isinstance(timeout, (int, float)):
            timeout = ClientTimeout(total=timeout)
        deadline = None
        if timeout is not None and timeout.total is not None:
            deadline = loop.time() + timeout.total
        connect_timeout = None
        if timeout is not None:
            connect_timeout = timeout.sock_connect or timeout.connect
        # The request's ssl wins over the connector's (aiohttp's order);
        # errors show the request's own (None: "ssl:default").
        ssl = _merge_ssl_params(ssl, verify_ssl, ssl_context)
        tls, verify = _tls_options(self._connector._ssl if ssl is None else ssl)
        if raise_for_status is None:
            raise_for_status = self._raise_for_status

        history = []
        while True:
            # What response.request_info shows, made when someone asks.
            request_info = (url, method, request_headers)
            transfer = _gpcurl.Transfer(method, str(url), request_lines, body,
                                        connect_timeout=connect_timeout, verify=verify,
                                        decode=self._auto_decompress,
                                        tls=tls if url.scheme == 'https' else None)
            exchange = _Exchange(loop, transfer, deadline)
            transfer.start_async(self._connector._pool(), exchange._wake)
            try:
                await exchange.wait_until(lambda: transfer.headers_done or transfer.done)
            except BaseException:
                exchange.close()
                raise
            if not transfer.headers_done:
                error = transfer.error
                verify_result = transfer.tls_verify_result
                exchange.close()
                if exchange.timed_out:
                    raise asyncio.TimeoutError()
                raise _connect_error(url, error, url.scheme == 'https', ssl, verify_result)
            response = ClientResponse(method, url, exchange, request_info, tuple(history))
            location = response.headers.get('Location')
            if (allow_redirects and response.status in (301, 302, 303, 307, 308)
                    and location):
                history.append(response)
                if max_redirects and len(history) >= max_redirects:
                    response.release()
                    raise TooManyRedirects(history[0].request_info, tuple(history))
                response.release()
                if (response.status == 303 and method != 'HEAD'
                        or response.status in (301, 302) and method == 'POST'):
                    method = 'GET'
                    body = None
                    request_headers = request_headers.copy()
                    request_headers.popone('Content-Type', None)
                    request_lines = _header_lines(request_headers)
                new_url = url.join(URL(location))
                if new_url.scheme not in ('http', 'https'):
                    raise InvalidURL(str(new_url))
                url = new_url
                continue
            if raise_for_status:
                response.raise_for_status()
            return response

    def __del__(self):
        pass


def request(method, url, **kwargs):
    """One request in a session of its own: `async with aiohttp.request(...)`."""
    connector = kwargs.pop('connector', None)
    session_kwargs = {}
    for name in ('timeout', 'cookies', 'version', 'loop'):
        if name in kwargs:
            session_kwargs[name] = kwargs.pop(name)
    session = ClientSession(connector=connector or TCPConnector(force_close=True),
                            **session_kwargs)
    return _SessionRequestContextManager(session._request(method, url, **kwargs), session)
