# http.client.HTTPMessage (the headers of a urllib response) and parse_headers.
import io
import http.client as hc

raw = (b'Content-Type: text/html; charset="UTF-8"\r\n'
       b'Content-Length: 12\r\n'
       b'Set-Cookie: a=1\r\n'
       b'set-cookie: b=2\r\n'
       b'X-Folded: first\r\n'
       b' second\r\n'
       b'X-Empty:\r\n'
       b'\r\n'
       b'body')
fp = io.BytesIO(raw)
m = hc.parse_headers(fp)
print(type(m).__name__, fp.read())
print(len(m), m.keys(), m.values(), m.items())
print(m['content-type'], m.get('CONTENT-LENGTH'), m.get('missing'), m.get('missing', 'dflt'), m['nope'])
print(m.get_all('Set-Cookie'), m.get_all('x'), m.get_all('x', []))
print('set-cookie' in m, 'Nope' in m, list(m))
print(m.get_content_type(), m.get_content_maintype(), m.get_content_subtype(), m.get_content_charset())
print(m.get_param('charset'), m.get_param('charset', unquote=False), m.get_param('nope', 'd'), m.get_params())
print(repr(m['X-Folded']), repr(m['X-Empty']))
print(str(m), end='|\n')
m['New'] = 'v'
m['new'] = 'w'
print(m.get_all('NEW'))
del m['new']
print('new' in m, len(m))
m.replace_header('content-length', '99')
print(m['Content-Length'])
try:
    m.replace_header('zzz', '1')
except KeyError as e:
    print('KeyError', e)
e = hc.HTTPMessage()
print(e.get_content_type(), e.get_content_charset(), e.get_content_charset('latin-1'), repr(str(e)), len(e))
e['Content-Type'] = 'application/JSON;charset=Latin-1; q=0.5'
print(e.get_content_type(), e.get_content_charset(), e.get_params())
e2 = hc.HTTPMessage()
e2['Content-Type'] = 'garbage'
print(e2.get_content_type())
e3 = hc.HTTPMessage()
e3.add_header('Content-Disposition', 'attachment', filename='a b.txt')
print(e3['content-disposition'], e3.get_filename())
print(hc.parse_headers(io.BytesIO(b'\r\n')).items())

for exc in [hc.HTTPException('x'), hc.IncompleteRead(b'abc', 5), hc.IncompleteRead(b'ab'),
            hc.BadStatusLine(''), hc.BadStatusLine('HTTP/9'), hc.LineTooLong('header line'),
            hc.RemoteDisconnected('Remote end closed connection without response'),
            hc.InvalidURL('bad'), hc.NotConnected(), hc.CannotSendRequest()]:
    print(type(exc).__name__, repr(str(exc)), repr(exc), exc.args)
print(issubclass(hc.RemoteDisconnected, ConnectionResetError), issubclass(hc.RemoteDisconnected, hc.BadStatusLine),
      issubclass(hc.ResponseNotReady, hc.ImproperConnectionState), hc.error is hc.HTTPException)
