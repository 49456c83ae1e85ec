# urlopen()'s response built from the head libcurl received: the length and
# chunked flag come from the first Content-Length / Transfer-Encoding in any
# letter case, a HEAD or 204 has length 0, and the memos behind Request
# (parsed URLs, checked ports, origin hosts) give the same answers the second
# time as the first. A raw socket server in a thread sends exact heads.
import gc
import socket
import threading
import urllib.error
import urllib.request
import weakref

HEADS = {
    '/mixed': (b'HTTP/1.1 200 OK\r\ncontent-LENGTH: 5\r\nX-Name: one\r\n'
               b'X-Name: two\r\n\r\nhello'),
    '/twice': (b'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nCONTENT-LENGTH: 3\r\n\r\nabc'),
    '/chunked': (b'HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n'
                 b'4\r\nwiki\r\n5\r\npedia\r\n0\r\n\r\n'),
    '/nolength': b'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nbody to the end',
    '/empty': b'HTTP/1.1 204 No Content\r\nX-Why: nothing\r\n\r\n',
    '/noreason': b'HTTP/1.1 200 \r\nContent-Length: 2\r\n\r\nok',
}


def serve(listener):
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=serve_connection, args=(conn,), daemon=True).start()


def serve_connection(conn):
    data = b''
    with conn:
        while True:
            while b'\r\n\r\n' not in data:
                more = conn.recv(65536)
                if not more:
                    return
                data += more
            head, data = data.split(b'\r\n\r\n', 1)
            method, target = head.split(b' ')[:2]
            reply = HEADS[target.decode()]
            if method == b'HEAD':
                reply = reply.split(b'\r\n\r\n')[0] + b'\r\n\r\n'
            conn.sendall(reply)
            if b'Connection: close' in reply:
                return


listener = socket.socket()
listener.bind(('127.0.0.1', 0))
listener.listen(16)
base = 'http://127.0.0.1:%d' % listener.getsockname()[1]
threading.Thread(target=serve, args=(listener,), daemon=True).start()


def show(path, method=None):
    req = urllib.request.Request(base + path, method=method)
    try:
        r = urllib.request.urlopen(req, timeout=10)
    except urllib.error.HTTPError as e:
        print(path, 'HTTPError', e.code)
        return
    with r:
        print(path, method or 'GET', r.status, repr(r.reason), 'length', r.length,
              'chunked', r.chunked)
        print('  headers', [(k, v) for k, v in r.getheaders() if k.lower() != 'date'])
        print('  body', r.read(), 'length now', r.length)


for path in ['/mixed', '/twice', '/chunked', '/nolength', '/empty', '/noreason']:
    show(path)
show('/mixed', 'HEAD')
show('/chunked', 'HEAD')

# The same URL twice: the second Request comes from the memo and must be the
# same in every attribute a program can see.
for attempt in range(2):
    req = urllib.request.Request(base + '/mixed#frag')
    print(attempt, req.type, req.host == base[7:], req.selector, req.fragment,
          req.full_url == base + '/mixed#frag', req.origin_req_host, req.get_method())
req.full_url = base + '/twice'
print(req.selector, req.fragment, req.full_url == base + '/twice')
for attempt in range(2):
    try:
        urllib.request.Request('nothing-here')
    except ValueError as e:
        print(attempt, 'ValueError', e)
    try:
        urllib.request.urlopen('http://127.0.0.1:port/x')
    except Exception as e:
        print(attempt, type(e).__name__, e)
print(urllib.request.Request('HTTP://EXAMPLE.ORG:80/a').origin_req_host)


class Rooted(urllib.request.Request):
    def _parse(self):
        super()._parse()
        self.selector = '/root' + self.selector


for cls in [Rooted, urllib.request.Request, Rooted]:
    print(cls.__name__, cls('http://example.org/page').selector)

# A response takes new attributes and weak references, and one dropped
# without close() gives its connection back (the next request works).
r = urllib.request.urlopen(base + '/mixed')
r.note = 'mine'
ref = weakref.ref(r)
print(r.note, ref() is r, r.msg)
del r
gc.collect()
print(ref() is None)
with urllib.request.urlopen(base + '/twice') as r:
    print(r.read())
listener.close()
