"""Opening URLs from threads: urlopen(), Request, build_opener().

Design notes
------------
The shape is CPython's: an OpenerDirector runs a chain of handlers, each
contributing `<scheme>_open`, `<scheme>_request`, `<scheme>_response` and
`http_error_<code>` methods; HTTPRedirectHandler follows redirects with
CPython's rules (301/302/303 turn a POST into a GET, 307/308 only for GET
and HEAD, at most 10 redirections and 4 visits of one URL, then an
HTTPError); HTTPErrorProcessor turns any non-2xx status into HTTPError.

What differs is the transport. HTTPHandler/HTTPSHandler do not open a
socket: they hand the request to libcurl through _gpcurl.Transfer, which
the calling thread runs itself, with the GIL released, on its own libcurl
multi handle (src/mod/curl_thread.c) - no hop to another thread. Each
thread's connections are kept alive and reused by its next requests
(CPython's urllib sends "Connection: close"; gilpy does not), and https
verifies certificates by default. A body the program does not read yet is
not buffered without bound: past about 1 MiB the transfer pauses until the
program reads. The `timeout` is, as in CPython, a per-operation timeout: no
byte for that long raises TimeoutError ("timed out"), or
URLError(TimeoutError) while connecting.

A small request spends most of its Python in string work that every request
repeats, so that work is done once: the response head (status, reason,
header pairs, version, and the Content-Length and Transfer-Encoding values
HTTPResponse needs) comes from one C call, Transfer.response_head(); the
split of a URL seen before, the origin host of a netloc, a host's port check
and the handler method names per scheme come from small memos (_remember()).
Each memo is a pure function of its string key, so a hit gives exactly what
the computation would.

libcurl's errors become the exceptions CPython raises for the same fault:
URLError wrapping ConnectionRefusedError / gaierror / TimeoutError,
http.client.RemoteDisconnected, IncompleteRead, and so on (_raise_curl_error).
"""

import os
import sys
import _gpcurl
from urllib.error import URLError, HTTPError
from urllib.parse import urlparse, urlunparse, urljoin, quote, unquote
from urllib.response import HTTPResponse, addinfourl

try:
    import http.client as _http_client
except ImportError:
    _http_client = None

__all__ = [
    'Request', 'OpenerDirector', 'BaseHandler', 'HTTPDefaultErrorHandler',
    'HTTPRedirectHandler', 'HTTPErrorProcessor', 'HTTPHandler', 'HTTPSHandler',
    'UnknownHandler', 'build_opener', 'install_opener', 'urlopen',
    'URLError', 'HTTPError',
]

__version__ = '%d.%d' % sys.version_info[:2]

# urlopen()'s "no timeout given" marker, socket's own when there is one.
try:
    from socket import _GLOBAL_DEFAULT_TIMEOUT
except ImportError:
    _GLOBAL_DEFAULT_TIMEOUT = object()


# ---------------------------------------------------------------------------
# Exceptions CPython's http.client and socket would raise
# ---------------------------------------------------------------------------

def _client_class(name, base, init=None):
    """http.client's exception class [name], or a stand-in of ours when the
    module does not define it."""
    cls = getattr(_http_client, name, None) if _http_client is not None else None
    if cls is None:
        namespace = {'__module__': 'http.client'}
        if init is not None:
            namespace.update(init)
        cls = type(name, (base,), namespace)
    return cls


_HTTPException = _client_class('HTTPException', Exception)


def _incomplete_init(self, partial, expected=None):
    self.args = partial,
    self.partial = partial
    self.expected = expected


def _incomplete_repr(self):
    if self.expected is not None:
        e = ', %i more expected' % self.expected
    else:
        e = ''
    return '%s(%i bytes read%s)' % (self.__class__.__name__, len(self.partial), e)


IncompleteRead = _client_class('IncompleteRead', _HTTPException, {
    '__init__': _incomplete_init, '__repr__': _incomplete_repr,
    '__str__': _incomplete_repr})
InvalidURL = _client_class('InvalidURL', _HTTPException)
_BadStatusLine = _client_class('BadStatusLine', _HTTPException)
RemoteDisconnected = _client_class('RemoteDisconnected', ConnectionResetError)

try:
    from socket import gaierror as _gaierror
except ImportError:
    # socket.gaierror's stand-in while gilpy's socket module lacks it.
    _gaierror = type('gaierror', (OSError,), {'__module__': 'socket'})


def _os_error(errno, fallback):
    """OSError(errno, strerror) - a ConnectionRefusedError and so on, as
    CPython's socket calls raise - or [fallback] when there is no errno."""
    if errno:
        return OSError(errno, os.strerror(errno))
    return fallback


# libcurl result codes (curl/curl.h) that have a CPython equivalent.
_CURLE_UNSUPPORTED_PROTOCOL = 1
_CURLE_URL_MALFORMAT = 3
_CURLE_COULDNT_RESOLVE_PROXY = 5
_CURLE_COULDNT_RESOLVE_HOST = 6
_CURLE_COULDNT_CONNECT = 7
_CURLE_WEIRD_SERVER_REPLY = 8
_CURLE_PARTIAL_FILE = 18
_CURLE_OPERATION_TIMEDOUT = 28
_CURLE_SSL_CONNECT_ERROR = 35
_CURLE_GOT_NOTHING = 52
_CURLE_SEND_ERROR = 55
_CURLE_RECV_ERROR = 56
_CURLE_PEER_FAILED_VERIFICATION = 60
# The TLS failures ssl._error_from_curl() knows (see lib/ssl.py).
_CURLE_TLS = frozenset((35, 58, 59, 60, 77, 82, 83, 98))


def _connect_error(error, url=None, verify_result=0):
    """The exception for a transfer to [url] that failed before any
    response ([verify_result]: libcurl's certificate check result)."""
    if error is None:
        # The transfer ended cleanly without a complete response head.
        return RemoteDisconnected('Remote end closed connection without response')
    code, message, errno = error
    if code in _CURLE_TLS and url is not None:
        import ssl
        tls_error = ssl._error_from_curl(urlparse(url).hostname, code, message, verify_result)
        if tls_error is not None:
            return URLError(tls_error)
    if code == _CURLE_COULDNT_RESOLVE_HOST or code == _CURLE_COULDNT_RESOLVE_PROXY:
        return URLError(_gaierror(-2, 'Name or service not known'))
    if code == _CURLE_COULDNT_CONNECT:
        return URLError(_os_error(errno, ConnectionRefusedError(111, 'Connection refused')))
    if code == _CURLE_OPERATION_TIMEDOUT:
        return URLError(TimeoutError('timed out'))
    if code == _CURLE_GOT_NOTHING:
        return RemoteDisconnected('Remote end closed connection without response')
    if code == _CURLE_WEIRD_SERVER_REPLY:
        return _BadStatusLine(message)
    if code in (_CURLE_SEND_ERROR, _CURLE_RECV_ERROR):
        return _os_error(errno, ConnectionResetError(104, 'Connection reset by peer'))
    if code in (_CURLE_SSL_CONNECT_ERROR, _CURLE_PEER_FAILED_VERIFICATION):
        return URLError(OSError(message))
    return URLError(message)


def _body_error(response, transfer, data):
    """Raises the exception for a transfer that failed mid-body; [data] is
    what the failing read got."""
    code, message, errno = transfer.error
    if code == _CURLE_PARTIAL_FILE or code == _CURLE_RECV_ERROR and response.length:
        partial = data + transfer.read_nowait(-1)
        expected = response.length - len(partial) if response.length is not None else None
        transfer.close()
        response._transfer = None
        raise IncompleteRead(partial, expected)
    transfer.close()
    response._transfer = None
    if code == _CURLE_OPERATION_TIMEDOUT:
        raise TimeoutError('timed out')
    if code in (_CURLE_SEND_ERROR, _CURLE_RECV_ERROR):
        raise _os_error(errno, ConnectionResetError(104, 'Connection reset by peer'))
    if code == _gpcurl.CANCELLED or code == _gpcurl.CLOSED:
        raise ValueError('I/O operation on closed file.')
    raise OSError(message)


# ---------------------------------------------------------------------------
# URL helpers (CPython keeps these private in urllib.parse)
# ---------------------------------------------------------------------------

def _splittype(url):
    """'http://host/x' -> ('http', '//host/x'); no scheme -> (None, url)."""
    if url.startswith('http://'):  # the common cases, without the loop below
        return 'http', url[5:]
    if url.startswith('https://'):
        return 'https', url[6:]
    colon = url.find(':')
    if colon > 0:
        scheme = url[:colon]
        if all(c.isalnum() or c in '+-.' for c in scheme) and scheme[0].isalpha():
            return scheme.lower(), url[colon + 1:]
    return None, url


def _splithost(url):
    """'//host[:port]/path' -> ('host[:port]', '/path')."""
    if url.startswith('//'):
        rest = url[2:]
        end = len(rest)
        for sep in '/?#':
            i = rest.find(sep)
            if 0 <= i < end:
                end = i
        host, path = rest[:end], rest[end:]
        if path and not path.startswith('/'):
            path = '/' + path
        return host, path
    return None, url


def _splittag(url):
    path, sep, tag = url.rpartition('#')
    if sep:
        return path, tag
    return url, None


def _unwrap(url):
    """'<URL:http://x>' -> 'http://x', as urllib.parse.unwrap."""
    url = str(url).strip()
    if url[:1] == '<' and url[-1:] == '>':
        url = url[1:-1].strip()
    if url[:4] == 'URL:':
        url = url[4:].strip()
    return url


def _request_host(request):
    # urlparse(request.full_url).netloc, without parsing the URL again for
    # the schemes whose netloc _splithost() already found.
    host = request._netloc
    if host is None:
        host = urlparse(request.full_url)[1]
    if host == '':
        host = request.get_header('Host', '')
    origin = _origin_hosts.get(host)
    if origin is None:
        origin = (host.rsplit(':', 1)[0].lower() if ']' not in host.rsplit(':', 1)[-1]
                  else host.lower())
        _remember(_origin_hosts, host, origin)
    return origin


# Small memos of pure functions of a string, for the work every request
# repeats: a program fetches from a few hosts, often the same URLs, and
# string slicing and case mapping are most of the Python a request runs.
# Each holds at most _MEMO_MAX entries and starts afresh when full; dict
# operations are atomic under the GIL, so threads share them safely.
_MEMO_MAX = 256
_origin_hosts = {}   # netloc -> the request host (origin_req_host)
_parsed_urls = {}    # URL str -> Request's parsed URL attributes
_checked_hosts = {}  # "host[:port]" whose port http.client would accept -> True
_header_lines = {}   # header name -> whether do_open() leaves it to libcurl


def _remember(memo, key, value):
    if len(memo) >= _MEMO_MAX:
        memo.clear()
    memo[key] = value


# ---------------------------------------------------------------------------
# Request
# ---------------------------------------------------------------------------

class Request:
    """An HTTP request: URL, body, headers and method."""

    def __init__(self, url, data=None, headers={}, origin_req_host=None, unverifiable=False,
                 method=None):
        self.full_url = url
        self.headers = {}
        self.unredirected_hdrs = {}
        self._data = None
        self.data = data
        self._tunnel_host = None
        for key, value in headers.items():
            self.add_header(key, value)
        if origin_req_host is None:
            origin_req_host = _request_host(self)
        self.origin_req_host = origin_req_host
        self.unverifiable = unverifiable
        if method:
            self.method = method

    @property
    def full_url(self):
        if self.fragment:
            return '{}#{}'.format(self._full_url, self.fragment)
        return self._full_url

    @full_url.setter
    def full_url(self, url):
        # A URL seen before is not split again: its parts come from the
        # memo (only URLs that parsed, only exact str keys, and only for
        # classes that split URLs as Request does).
        exact = url.__class__ is str and self.__class__._parse is _request_parse
        parsed = _parsed_urls.get(url) if exact else None
        if parsed is not None:
            (self._full_url, self.fragment, self.type, self.host, self.selector,
             self._netloc) = parsed
            return
        self._full_url = _unwrap(url)
        self._full_url, self.fragment = _splittag(self._full_url)
        self._parse()
        if exact:
            _remember(_parsed_urls, url, (self._full_url, self.fragment, self.type, self.host,
                                          self.selector, self._netloc))

    @full_url.deleter
    def full_url(self):
        self._full_url = None
        self.fragment = None
        self.selector = ''

    @property
    def data(self):
        return self._data

    @data.setter
    def data(self, data):
        if data != self._data:
            self._data = data
            if self.has_header('Content-length'):
                self.remove_header('Content-length')

    @data.deleter
    def data(self):
        self.data = None

    def _parse(self):
        self.type, rest = _splittype(self._full_url)
        if self.type is None:
            raise ValueError('unknown url type: %r' % self.full_url)
        host, self.selector = _splithost(rest)
        # What urlparse() would call the netloc, for _request_host().
        self._netloc = host if self.type in ('http', 'https') and host is not None else None
        self.host = unquote(host) if host and '%' in host else host

    def get_method(self):
        default = 'POST' if self.data is not None else 'GET'
        return getattr(self, 'method', default)

    def get_full_url(self):
        return self.full_url

    def set_proxy(self, host, type):
        if self.type == 'https' and not self._tunnel_host:
            self._tunnel_host = self.host
        else:
            self.type = type
            self.selector = self.full_url
        self.host = host

    def has_proxy(self):
        return self.selector == self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def add_unredirected_header(self, key, val):
        self.unredirected_hdrs[key.capitalize()] = val

    def has_header(self, header_name):
        return header_name in self.headers or header_name in self.unredirected_hdrs

    def get_header(self, header_name, default=None):
        return self.headers.get(header_name, self.unredirected_hdrs.get(header_name, default))

    def remove_header(self, header_name):
        self.headers.pop(header_name, None)
        self.unredirected_hdrs.pop(header_name, None)

    def header_items(self):
        hdrs = {**self.unredirected_hdrs, **self.headers}
        return list(hdrs.items())


_request_parse = Request._parse


# ---------------------------------------------------------------------------
# The opener and its handlers
# ---------------------------------------------------------------------------

class OpenerDirector:
    """Runs a request through its handlers."""

    def __init__(self):
        self.addheaders = [('User-agent', 'Python-urllib/%s' % __version__)]
        self.handlers = []
        self.handle_open = {}
        self.handle_error = {}
        self.process_response = {}
        self.process_request = {}

    def add_handler(self, handler):
        if not hasattr(handler, 'add_parent'):
            raise TypeError('expected BaseHandler instance, got %r' % type(handler))
        added = False
        for meth in dir(handler):
            if meth in ('redirect_request', 'do_open', 'proxy_open'):
                continue
            i = meth.find('_')
            protocol = meth[:i]
            condition = meth[i + 1:]
            if condition.startswith('error'):
                j = condition.find('_') + i + 1
                kind = meth[j + 1:]
                try:
                    kind = int(kind)
                except ValueError:
                    pass
                lookup = self.handle_error.setdefault(protocol, {})
            elif condition == 'open':
                kind = protocol
                lookup = self.handle_open
            elif condition == 'response':
                kind = protocol
                lookup = self.process_response
            elif condition == 'request':
                kind = protocol
                lookup = self.process_request
            else:
                continue
            handlers = lookup.setdefault(kind, [])
            if handlers:
                _insort(handlers, handler)
            else:
                handlers.append(handler)
            added = True
        if added:
            _insort(self.handlers, handler)
            handler.add_parent(self)

    def close(self):
        pass

    def _call_chain(self, chain, kind, meth_name, *args):
        for handler in chain.get(kind, ()):
            result = getattr(handler, meth_name)(*args)
            if result is not None:
                return result
        return None

    def open(self, fullurl, data=None, timeout=_GLOBAL_DEFAULT_TIMEOUT):
        if isinstance(fullurl, str):
            req = Request(fullurl, data)
        else:
            req = fullurl
            if data is not None:
                req.data = data
        req.timeout = timeout
        protocol = req.type
        names = _method_names(protocol)
        for processor in self.process_request.get(protocol, []):
            req = getattr(processor, names[0])(req)
        response = self._open(req, data)
        for processor in self.process_response.get(protocol, []):
            response = getattr(processor, names[2])(req, response)
        return response

    def _open(self, req, data=None):
        result = self._call_chain(self.handle_open, 'default', 'default_open', req)
        if result:
            return result
        protocol = req.type
        result = self._call_chain(self.handle_open, protocol, _method_names(protocol)[1], req)
        if result:
            return result
        return self._call_chain(self.handle_open, 'unknown', 'unknown_open', req)

    def error(self, proto, *args):
        if proto in ('http', 'https'):
            table = self.handle_error['http']
            proto = args[2]  # the status code
            meth_name = 'http_error_%s' % proto
            http_err = 1
            orig_args = args
        else:
            table = self.handle_error
            meth_name = proto + '_error'
            http_err = 0
        args = (table, proto, meth_name) + args
        result = self._call_chain(*args)
        if result:
            return result
        if http_err:
            args = (table, 'default', 'http_error_default') + orig_args
            return self._call_chain(*args)


def _method_names(protocol):
    """The handler methods for [protocol]: (<p>_request, <p>_open,
    <p>_response), built once per protocol rather than once per request."""
    names = _protocol_methods.get(protocol)
    if names is None:
        names = (protocol + '_request', protocol + '_open', protocol + '_response')
        _remember(_protocol_methods, protocol, names)
    return names


_protocol_methods = {}


def _insort(handlers, handler):
    """Inserts [handler] keeping the list ordered by handler_order."""
    i = 0
    while i < len(handlers) and handlers[i] <= handler:
        i += 1
    handlers.insert(i, handler)


class BaseHandler:
    handler_order = 500

    def add_parent(self, parent):
        self.parent = parent

    def close(self):
        pass

    def __lt__(self, other):
        if not hasattr(other, 'handler_order'):
            return True
        return self.handler_order < other.handler_order

    def __le__(self, other):
        return not other < self


class HTTPErrorProcessor(BaseHandler):
    """Hands every non-2xx response to the error handlers."""
    handler_order = 1000

    def http_response(self, request, response):
        code, msg, hdrs = response.code, response.msg, response.info()
        if not (200 <= code < 300):
            response = self.parent.error('http', request, response, code, msg, hdrs)
        return response

    https_response = http_response


class HTTPDefaultErrorHandler(BaseHandler):
    def http_error_default(self, req, fp, code, msg, hdrs):
        raise HTTPError(req.full_url, code, msg, hdrs, fp)


class HTTPRedirectHandler(BaseHandler):
    # One URL may be visited this often, and at most this many redirections
    # followed, before the redirect counts as a loop.
    max_repeats = 4
    max_redirections = 10

    inf_msg = ('The HTTP server returned a redirect error that would lead to an infinite loop.\n'
               'The last 30x error message was:\n')

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        method = req.get_method()
        allowed = (code in (301, 302, 303, 307, 308) and method in ('GET', 'HEAD')
                   or code in (301, 302, 303) and method == 'POST')
        if not allowed:
            raise HTTPError(req.full_url, code, msg, headers, fp)
        newurl = newurl.replace(' ', '%20')
        kept = {k: v for k, v in req.headers.items()
                if k.lower() not in ('content-length', 'content-type')}
        return Request(newurl, headers=kept, origin_req_host=req.origin_req_host,
                       unverifiable=True)

    def http_error_302(self, req, fp, code, msg, headers):
        if 'location' in headers:
            newurl = headers['location']
        elif 'uri' in headers:
            newurl = headers['uri']
        else:
            return None
        parts = urlparse(newurl)
        if parts.scheme not in ('http', 'https', 'ftp', ''):
            raise HTTPError(newurl, code,
                            "%s - Redirection to url '%s' is not allowed" % (msg, newurl),
                            headers, fp)
        if not parts.path and parts.netloc:
            parts = list(parts)
            parts[2] = '/'
        newurl = urlunparse(parts)
        newurl = quote(newurl, encoding='iso-8859-1',
                       safe='!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~')
        newurl = urljoin(req.full_url, newurl)

        new = self.redirect_request(req, fp, code, msg, headers, newurl)
        if new is None:
            return None
        if hasattr(req, 'redirect_dict'):
            visited = new.redirect_dict = req.redirect_dict
            if (visited.get(newurl, 0) >= self.max_repeats
                    or len(visited) >= self.max_redirections):
                raise HTTPError(req.full_url, code, self.inf_msg + msg, headers, fp)
        else:
            visited = new.redirect_dict = req.redirect_dict = {}
        visited[newurl] = visited.get(newurl, 0) + 1
        # The redirect's own body is not wanted: drop its transfer.
        fp.close()
        return self.parent.open(new, timeout=req.timeout)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


class UnknownHandler(BaseHandler):
    def unknown_open(self, req):
        raise URLError('unknown url type: %s' % req.type)


def _header_message(pairs):
    """The (name, value) header pairs of a response (parsed from its header
    block by _gpcurl, decoded as iso-8859-1 like CPython's) as an
    http.client.HTTPMessage."""
    message = _http_client.HTTPMessage()
    message._headers = pairs
    return message


def _status_reason(reason, status):
    if reason is not None:
        return reason
    try:
        from http import HTTPStatus
        return HTTPStatus(status).phrase
    except (ImportError, ValueError):
        return ''


class AbstractHTTPHandler(BaseHandler):
    def __init__(self, debuglevel=None):
        self._debuglevel = debuglevel if debuglevel is not None else 0

    def set_http_debuglevel(self, level):
        self._debuglevel = level

    def do_request_(self, request):
        if not request.host:
            raise URLError('no host given')
        if request.data is not None:
            data = request.data
            if isinstance(data, str):
                raise TypeError('POST data should be bytes, an iterable of bytes, or a file '
                                'object. It cannot be of type str.')
            if not request.has_header('Content-type'):
                request.add_unredirected_header('Content-type',
                                                'application/x-www-form-urlencoded')
        for name, value in self.parent.addheaders:
            name = name.capitalize()
            if not request.has_header(name):
                request.add_unredirected_header(name, value)
        return request

    def do_open(self, req, scheme, tls=None):
        """Runs [req]; [tls] is the ssl context's libcurl settings for
        https (None: libcurl's defaults, which verify as CPython's default
        context does)."""
        host = req.host
        if not host:
            raise URLError('no host given')
        if host not in _checked_hosts:
            _check_port(host)
            _remember(_checked_hosts, host, True)
        body = req.data
        if body is not None and not isinstance(body, (bytes, bytearray)):
            if hasattr(body, 'read'):
                body = body.read()
            else:
                body = b''.join(body)
            if isinstance(body, str):
                body = body.encode('iso-8859-1')
        headers = ['Accept-Encoding: identity', 'Accept:']
        for name, value in req.header_items():
            left_out = _header_lines.get(name)
            if left_out is None:
                left_out = name.lower() in ('content-length', 'transfer-encoding', 'connection')
                _remember(_header_lines, name, left_out)
            if not left_out:
                headers.append('%s: %s' % (name, value))
        url = scheme + '://' + host + (req.selector or '/')
        timeout = req.timeout
        if timeout is _GLOBAL_DEFAULT_TIMEOUT:
            timeout = None
        method = req.get_method()
        if tls is None:
            transfer = _gpcurl.Transfer(method, url, headers, body, connect_timeout=timeout)
        else:
            transfer = _gpcurl.Transfer(method, url, headers, body, connect_timeout=timeout,
                                        tls=tls)
        try:
            transfer.wait_headers(timeout)
        except BaseException:
            transfer.close()
            raise
        # Status, reason, headers, version and the two headers the response
        # needs at once, in one call (None: the transfer ended without them).
        head = transfer.response_head()
        if head is None:
            error = transfer.error
            verify_result = transfer.tls_verify_result
            transfer.close()
            raise _connect_error(error, url, verify_result)
        status, reason, pairs, version, content_length, transfer_encoding = head
        response = HTTPResponse(transfer, req.get_full_url(), method, status,
                                _status_reason(reason, status), _header_message(pairs),
                                10 if version == 10 else 11, timeout, _body_error,
                                content_length, transfer_encoding)
        # As CPython's do_open: from here on msg is the reason phrase.
        response.msg = response.reason
        return response


def _check_port(host):
    """CPython's http.client rejects a port that is not a number."""
    if host.startswith('['):
        end = host.find(']')
        rest = host[end + 1:]
    else:
        rest = host[host.rfind(':'):] if ':' in host else ''
    if rest.startswith(':') and len(rest) > 1:
        port = rest[1:]
        if not port.isdigit():
            raise InvalidURL("nonnumeric port: '%s'" % port)


class HTTPHandler(AbstractHTTPHandler):
    def http_open(self, req):
        return self.do_open(req, 'http')

    http_request = AbstractHTTPHandler.do_request_


class HTTPSHandler(AbstractHTTPHandler):
    """https with [context]'s certificate checks (an ssl.SSLContext; None:
    the default checks against the system's certificates)."""

    def __init__(self, debuglevel=None, context=None, check_hostname=None):
        AbstractHTTPHandler.__init__(self, debuglevel)
        self._context = context
        self._check_hostname = check_hostname

    def https_open(self, req):
        context = self._context
        check_hostname = self._check_hostname
        if check_hostname is not None:
            import warnings
            warnings.warn('key_file, cert_file and check_hostname are deprecated, use a '
                          'custom context instead.', DeprecationWarning, 2)
        if context is None:
            if check_hostname is None:
                return self.do_open(req, 'https')
            import ssl
            context = ssl._create_default_https_context()
        # As http.client.HTTPSConnection: check_hostname overrides the
        # context's own (and sets it).
        if check_hostname is not None:
            import ssl
            if check_hostname and context.verify_mode == ssl.CERT_NONE:
                raise ValueError('check_hostname needs a SSL context with either '
                                 'CERT_OPTIONAL or CERT_REQUIRED')
            context.check_hostname = check_hostname
        return self.do_open(req, 'https', context._curl_options())

    https_request = AbstractHTTPHandler.do_request_


def build_opener(*handlers):
    """An OpenerDirector with the default handlers, replaced or extended
    by [handlers] (classes or instances)."""
    opener = OpenerDirector()
    default_classes = [UnknownHandler, HTTPHandler, HTTPDefaultErrorHandler,
                       HTTPRedirectHandler, HTTPErrorProcessor, HTTPSHandler]
    skip = set()
    for klass in default_classes:
        for check in handlers:
            if isinstance(check, type):
                if issubclass(check, klass):
                    skip.add(klass)
            elif isinstance(check, klass):
                skip.add(klass)
    for klass in skip:
        default_classes.remove(klass)
    for klass in default_classes:
        opener.add_handler(klass())
    for h in handlers:
        if isinstance(h, type):
            h = h()
        opener.add_handler(h)
    return opener


_opener = None


def install_opener(opener):
    global _opener
    _opener = opener


def urlopen(url, data=None, timeout=_GLOBAL_DEFAULT_TIMEOUT, *, cafile=None, capath=None,
            cadefault=False, context=None):
    """Opens [url] (a str or a Request) and returns the response; raises
    HTTPError for an error status and URLError when no response came.
    https checks certificates as [context] (an ssl.SSLContext) says, or
    against the system's certificates; cafile/capath are deprecated."""
    global _opener
    if cafile or capath or cadefault:
        import warnings
        warnings.warn('cafile, capath and cadefault are deprecated, use a custom context '
                      'instead.', DeprecationWarning, 2)
        if context is not None:
            raise ValueError("You can't pass both context and any of cafile, capath, and "
                             "cadefault")
        import ssl
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=cafile,
                                             capath=capath)
        # As CPython: offer only HTTP/1.1 (ALPN).
        context.set_alpn_protocols(['http/1.1'])
        opener = build_opener(HTTPSHandler(context=context))
    elif context:
        opener = build_opener(HTTPSHandler(context=context))
    elif _opener is None:
        _opener = opener = build_opener()
    else:
        opener = _opener
    return opener.open(url, data, timeout)
