"""An aiohttp-compatible HTTP client for coroutines, on libcurl and the
asyncio loop's libuv loop.

Design notes
------------
Scripts written for aiohttp's client - ClientSession, TCPConnector,
ClientTimeout, responses and the ClientError family - run unchanged on
gilpy, and the same scripts run on CPython with the real aiohttp installed
(python3-aiohttp), which is how the tests and benchmarks compare the two.
Only the client is provided: no server, websockets, cookies or tracing.
The transport is libcurl's multi interface on the running loop's libuv
loop (src/mod/curl.c); see client.py for how a request runs.
"""

from .client import (
    ClientSession, ClientTimeout, TCPConnector, ClientResponse, RequestInfo, StreamReader,
    request, HttpVersion, HttpVersion10, HttpVersion11, __version__)
from .client_exceptions import (
    ClientError, ClientConnectionError, ClientOSError, ClientConnectorError,
    ClientProxyConnectionError, ClientSSLError, ClientConnectorSSLError,
    ClientConnectorCertificateError, ServerConnectionError, ServerTimeoutError,
    ServerDisconnectedError, ServerFingerprintMismatch, ClientResponseError,
    ClientHttpProxyError, WSServerHandshakeError, ContentTypeError, ClientPayloadError,
    InvalidURL, TooManyRedirects)
from ._structures import CIMultiDict, CIMultiDictProxy, URL

__all__ = (
    'ClientSession', 'ClientTimeout', 'TCPConnector', 'ClientResponse', 'RequestInfo',
    'StreamReader', 'request', 'HttpVersion', 'HttpVersion10', 'HttpVersion11',
    'ClientError', 'ClientConnectionError', 'ClientOSError',
    'ClientConnectorError', 'ClientProxyConnectionError', 'ClientSSLError',
    'ClientConnectorSSLError', 'ClientConnectorCertificateError', 'ServerConnectionError',
    'ServerTimeoutError', 'ServerDisconnectedError', 'ServerFingerprintMismatch',
    'ClientResponseError', 'ClientHttpProxyError', 'WSServerHandshakeError',
    'ContentTypeError', 'ClientPayloadError', 'InvalidURL', 'TooManyRedirects',
)
