"""Exceptions raised by urllib.request.

Design notes
------------
URLError is the base class: an OSError whose `reason` says what went wrong
(a message or another exception) and whose str() is "<urlopen error ...>".
HTTPError is both an exception and a response: the server did answer, so a
caller may read the body of a 404 page or look at its headers. CPython gets
the response half from urllib.response.addinfourl; this module carries its
own small equivalent (_ErrorResponse) so it does not depend on the request
machinery, which imports it.
"""

import io

__all__ = ['URLError', 'HTTPError', 'ContentTooShortError']


class URLError(OSError):
    # OSError's constructor would treat a two-element args tuple as
    # (errno, strerror); URLError keeps only its reason in args.
    def __init__(self, reason, filename=None):
        self.args = reason,
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return '<urlopen error %s>' % self.reason


class _ErrorResponse:
    """The file-like response half of HTTPError: read(), readline(),
    iteration, info(), geturl(), getcode() and the context-manager protocol
    over the body file [fp]."""

    def _response_init(self, fp, headers, url, code):
        self.fp = fp
        self.headers = headers
        self.url = url
        self.code = code

    def read(self, *args):
        return self.fp.read(*args)

    def readline(self, *args):
        return self.fp.readline(*args)

    def readlines(self, *args):
        return self.fp.readlines(*args)

    def __iter__(self):
        return iter(self.fp)

    def close(self):
        fp = self.fp
        if fp is not None:
            fp.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()

    def info(self):
        return self.headers

    def geturl(self):
        return self.url

    def getcode(self):
        return self.code

    @property
    def status(self):
        return self.code


class HTTPError(URLError, _ErrorResponse):
    """Raised for an HTTP error status; also usable as the response."""

    def __init__(self, url, code, msg, hdrs, fp):
        # CPython's HTTPError ends up with empty args (its OSError half is
        # never initialised with the constructor's arguments).
        self.args = ()
        self.code = code
        self.msg = msg
        self.hdrs = hdrs
        self.fp = fp
        if fp is None:
            fp = io.BytesIO()
        self._response_init(fp, hdrs, url, code)

    def __str__(self):
        return 'HTTP Error %s: %s' % (self.code, self.msg)

    def __repr__(self):
        return '<HTTPError %s: %r>' % (self.code, self.msg)

    # The reason of an HTTP error is the status line's phrase.
    @property
    def reason(self):
        return self.msg

    @property
    def headers(self):
        return self.hdrs

    @headers.setter
    def headers(self, headers):
        self.hdrs = headers


class ContentTooShortError(URLError):
    """Raised when a download ends before the announced Content-Length."""

    def __init__(self, message, content):
        URLError.__init__(self, message)
        self.content = content
