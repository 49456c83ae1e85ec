# urllib.error: URLError, HTTPError (as exception and as response), ContentTooShortError.
import urllib.error as E
e = E.URLError('boom')
print(str(e), e.reason, e.args, isinstance(e, OSError))
e = E.URLError(ConnectionRefusedError(111, 'Connection refused'))
print(str(e))
import io
h = E.HTTPError('http://x/', 404, 'Not Found', {'a': 'b'}, io.BytesIO(b'body'))
print(str(h), repr(h), h.code, h.reason, h.headers, h.read(), h.getcode(), h.geturl(), h.status)
print(h.args)
h2 = E.HTTPError('http://x/', 500, 'Err', None, None)
print(h2.read(), type(h2.fp).__name__)
try:
    raise h
except E.URLError as ex:
    print('caught', ex)
c = E.ContentTooShortError('short', b'xx')
print(c, c.content, c.reason)
print(issubclass(E.HTTPError, E.URLError), issubclass(E.ContentTooShortError, E.URLError))
with E.HTTPError('u', 403, 'Forbidden', None, io.BytesIO(b'line1\nline2\n')) as r:
    print(r.readline(), list(r))
e = E.URLError('x', 'fname')
print(e.filename, e.reason)
