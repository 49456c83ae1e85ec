# Faults through urllib.request: each raises the exception CPython raises.
import urllib.request
import urllib.error
from _server import Server, free_port


def attempt(label, url, **kw):
    try:
        with urllib.request.urlopen(url, **kw) as r:
            print(label, 'ok', r.status, len(r.read()))
    except urllib.error.HTTPError as e:
        print(label, 'HTTPError', e.code, repr(e.reason), e.status, str(e).splitlines()[0])
        print('   body', e.read(), e.headers.get('Content-Type'))
        e.close()
    except urllib.error.URLError as e:
        print(label, 'URLError', type(e.reason).__name__,
              isinstance(e.reason, OSError) or isinstance(e.reason, str))
    except Exception as e:
        print(label, type(e).__name__, e)


with Server() as srv:
    for code in (400, 404, 418, 500, 503):
        attempt('status %d' % code, srv.url('/status/%d' % code))
    attempt('redirect loop', srv.url('/loop'))
    attempt('too many redirects', srv.url('/redirect/12'))
    attempt('ten redirects', srv.url('/redirect/10'))
    attempt('refused', 'http://127.0.0.1:%d/' % free_port())
    attempt('dns', 'http://no-such-host.invalid/')
    attempt('no host', 'http:///path')
    attempt('unsupported scheme', 'gopher2://example.com/')
    attempt('bad port', 'http://127.0.0.1:abc/')
    attempt('server closes', srv.url('/close'))

    try:
        urllib.request.urlopen('not a url')
    except ValueError as e:
        print('malformed', type(e).__name__, e)

    try:
        urllib.request.urlopen(srv.url('/echo'), data='text is not bytes')
    except TypeError as e:
        print('str data', e)

    # Timeout waiting for the response headers.
    try:
        urllib.request.urlopen(srv.url('/delay/3000'), timeout=0.3)
    except Exception as e:
        print('timeout', type(e).__name__, e)

    # Timeout while reading the body.
    r = urllib.request.urlopen(srv.url('/stall'), timeout=0.3)
    try:
        r.read()
    except Exception as e:
        print('read timeout', type(e).__name__, e)
    r.close()

    # The server closes mid-body.
    r = urllib.request.urlopen(srv.url('/truncate/1000'))
    try:
        r.read()
    except Exception as e:
        print('truncated', type(e).__name__, e, len(e.partial))
    r.close()

    # HTTPError reads like a response.
    try:
        urllib.request.urlopen(srv.url('/status/404'))
    except urllib.error.HTTPError as e:
        print(e.getcode(), e.info()['Content-Length'], e.geturl() == srv.url('/status/404'))
        print(isinstance(e, urllib.error.URLError), isinstance(e, OSError))
        e.close()

    # After all of those the server still answers.
    with urllib.request.urlopen(srv.url('/json')) as r:
        print('still fine', r.status)
