# hostname, port, username and password of split results, and port errors.
from urllib.parse import urlsplit, urlparse

CASES = [
    'http://www.Example.COM/', 'http://user@host', 'http://user:pass@host:8080/',
    'http://user:p:a:ss@host', 'http://u%40x:p@h', 'http://[::1]:80/', 'http://[FE80::1%eth0]:1/',
    'http://[::FFFF:1.2.3.4]/', 'http://host:/', 'http://host:0', 'http://host:65535',
    'http://@host', 'http://:@host', 'http://a@b@host:1', 'file:///x', 'http://', 'http://HOST:080',
    '//h:5/', 'http://h:+1/', 'http://h: 1', 'http://h:1 ', 'http://h:65536', 'http://h:-1',
    'http://h:99999999999999999999', 'http://h:x', 'http://h:١٢', 'http://h:1_0',
]
for u in CASES:
    for r in (urlsplit(u), urlparse(u)):
        try:
            port = r.port
        except ValueError as e:
            port = 'ValueError: %s' % e
        print(repr(u), r.hostname, r.username, r.password, port)

b = urlsplit(b'http://U:P@[::1]:99/')
print(b.hostname, b.username, b.password, b.port)
try:
    urlsplit(b'http://h:abc').port
except ValueError as e:
    print('ValueError', e)
