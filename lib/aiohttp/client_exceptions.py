"""aiohttp's client exception hierarchy, with aiohttp 3.8's messages.

ClientError is the root. Connection failures are ClientConnectorError (an
OSError too, carrying the host, port and the underlying os_error); an error
status is ClientResponseError (status, message, headers, request_info,
history); a body cut short is ClientPayloadError; total timeouts raise
asyncio.TimeoutError as aiohttp does.
"""

import asyncio
import ssl

__all__ = (
    'ClientError', 'ClientConnectionError', 'ClientOSError', 'ClientConnectorError',
    'ClientProxyConnectionError', 'ClientSSLError', 'ClientConnectorSSLError',
    'ClientConnectorCertificateError', 'ServerConnectionError', 'ServerTimeoutError',
    'ServerDisconnectedError', 'ServerFingerprintMismatch', 'ClientResponseError',
    'ClientHttpProxyError', 'WSServerHandshakeError', 'ContentTypeError',
    'ClientPayloadError', 'InvalidURL', 'TooManyRedirects',
)


class ClientError(Exception):
    """Base class for client errors."""


class ClientResponseError(ClientError):
    """The server answered, but not the way the caller wanted."""

    def __init__(self, request_info, history, *, code=None, status=None, message='',
                 headers=None):
        self.request_info = request_info
        if status is None:
            status = code if code is not None else 0
        self.status = status
        self.message = message
        self.headers = headers
        self.history = history
        self.args = (request_info, history)

    def __str__(self):
        return '%s, message=%r, url=%r' % (self.status, self.message,
                                           self.request_info.real_url)

    def __repr__(self):
        args = '%r, %r' % (self.request_info, self.history)
        if self.status != 0:
            args += ', status=%r' % (self.status,)
        if self.message != '':
            args += ', message=%r' % (self.message,)
        if self.headers is not None:
            args += ', headers=%r' % (self.headers,)
        return '%s(%s)' % (type(self).__name__, args)

    @property
    def code(self):
        return self.status


class ContentTypeError(ClientResponseError):
    """json() found an unexpected Content-Type."""


class WSServerHandshakeError(ClientResponseError):
    """websocket handshake failed (websockets are not supported)."""


class ClientHttpProxyError(ClientResponseError):
    """The proxy answered with an error status."""


class TooManyRedirects(ClientResponseError):
    """More redirects than max_redirects."""


class ClientConnectionError(ClientError):
    """Base class for errors of the connection to the server."""


class ClientOSError(ClientConnectionError, OSError):
    """An OSError while talking to the server."""


class ClientConnectorError(ClientOSError):
    """No connection to the server could be made."""

    def __init__(self, connection_key, os_error):
        self._conn_key = connection_key
        self._os_error = os_error
        OSError.__init__(self, os_error.errno, os_error.strerror)
        self.errno = os_error.errno
        self.strerror = os_error.strerror
        self.args = (connection_key, os_error)

    @property
    def os_error(self):
        return self._os_error

    @property
    def host(self):
        return self._conn_key.host

    @property
    def port(self):
        return self._conn_key.port

    @property
    def ssl(self):
        return self._conn_key.ssl

    def __str__(self):
        return 'Cannot connect to host %s:%s ssl:%s [%s]' % (
            self.host, self.port, 'default' if self.ssl is None else self.ssl,
            self.strerror)

    __reduce__ = BaseException.__reduce__


class ClientProxyConnectionError(ClientConnectorError):
    """No connection to the proxy could be made."""


class ServerConnectionError(ClientConnectionError):
    """The server broke the connection."""


class ServerDisconnectedError(ServerConnectionError):
    """The server closed the connection before answering in full."""

    def __init__(self, message=None):
        if message is None:
            message = 'Server disconnected'
        self.args = (message,)
        self.message = message


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    """A read from the server timed out."""


class ServerFingerprintMismatch(ServerConnectionError):
    """The server's certificate fingerprint did not match."""


class ClientPayloadError(ClientError):
    """The response body could not be read in full."""


class InvalidURL(ClientError, ValueError):
    """The URL cannot be requested."""

    def __init__(self, url):
        super().__init__(url)

    @property
    def url(self):
        return self.args[0]

    def __repr__(self):
        return '<%s %s>' % (self.__class__.__name__, self.url)


class ClientSSLError(ClientConnectorError):
    """TLS failed."""


class ClientConnectorSSLError(ClientSSLError, ssl.SSLError):
    """TLS failed while connecting."""


class ClientConnectorCertificateError(ClientSSLError, ssl.CertificateError):
    """The server's certificate did not verify: [certificate_error] is the
    ssl.SSLCertVerificationError."""

    def __init__(self, connection_key, certificate_error):
        self._conn_key = connection_key
        self._certificate_error = certificate_error
        self.args = (connection_key, certificate_error)

    @property
    def certificate_error(self):
        return self._certificate_error

    @property
    def ssl(self):
        return self._conn_key.is_ssl

    def __str__(self):
        return 'Cannot connect to host %s:%s ssl:%s [%s: %s]' % (
            self.host, self.port, self.ssl, self._certificate_error.__class__.__name__,
            self._certificate_error.args)
