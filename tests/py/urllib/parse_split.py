# urlsplit / urlparse / urlunsplit / urlunparse round trips over many URL shapes.
from urllib.parse import urlsplit, urlparse, urlunsplit, urlunparse, SplitResult, ParseResult

URLS = [
    'http://www.example.com/path/to/page?x=1&y=2#frag',
    'https://user:pw@host.example.org:8443/a;b?c=d#e',
    'http://[::1]:8080/index.html',
    'http://[fe80::1%25eth0]/',
    'ftp://ftp.example.com/pub/file.txt;type=i',
    'file:///etc/passwd',
    'file:/tmp/x',
    'mailto:someone@example.com',
    'news:comp.lang.python',
    '//netloc/only/path',
    '/just/a/path?q',
    'relative/path#f',
    'path;params?query#frag',
    '',
    'http:',
    'http://',
    'http://host',
    'http://host?',
    'http://host#',
    'HTTP://HOST/Path',
    'svn+ssh://svn.example.org/repo',
    'git+ssh://git@github.com/x/y.git',
    '  http://leading.spaces/',
    'http://tab\there/new\nline',
    'a1+.-:stuff',
    '1abc:def',
    'path:80',
    'sip:alice@atlanta.com;transport=tcp',
    'tel:+1-816-555-1212',
    'http://a/b/c/d;p?q',
    'http://example.com/?a=1#b?c',
    'http://example.com/#a?b',
    'http://h/p?a#b#c',
    'scheme://host:port/path',
    'http://u@h',
    'http://u:@h:',
    'http://[2001:db8::7]/c=GB?objectClass?one',
    'ws://localhost:9000/socket',
    'data:text/plain;base64,SGVsbG8=',
    'urn:isbn:0451450523',
    'http://example.com/ü/ñ?ä=ö',
]

for u in URLS:
    s = urlsplit(u)
    p = urlparse(u)
    print(repr(u))
    print('  ', s)
    print('  ', p)
    print('  ', urlunsplit(s), '|', urlunparse(p), '|', s.geturl(), '|', p.geturl())
    print('  ', s.scheme, s.netloc, s.path, s.query, s.fragment, p.params)

print(urlsplit('http://x/y#z', allow_fragments=False))
print(urlparse('http://x/y#z', allow_fragments=False))
print(urlsplit('//x/y', scheme='https'))
print(urlparse('x/y', 'ftp'))
print(urlunsplit(('http', 'h', 'p', 'q', 'f')))
print(urlunsplit(('http', '', 'p', '', '')))
print(urlunsplit(('', '', '//p', '', '')))
print(urlunsplit(('mailto', '', 'a@b', '', '')))
print(urlunsplit(['https', 'h:1', '/x', '', 'y']))
print(urlunparse(('http', 'h', '/p', 'par', 'q', 'f')))
print(urlunparse(('', '', 'p', '', '', '')))
r = urlparse('http://h/p?q')
print(r._replace(scheme='https', netloc='other:1').geturl())
print(isinstance(r, tuple), len(r), r[1], r.count('h'))
print(SplitResult('a', 'b', 'c', 'd', 'e').geturl())
print(ParseResult(scheme='http', netloc='n', path='/p', params='', query='', fragment='').geturl())

# bytes in, bytes out
b = urlsplit(b'http://user:pw@Host:81/p?q#f')
print(b, b.hostname, b.port, b.username, b.password)
print(urlparse(b'http://h/p;x'))
print(urlunsplit(b), b.geturl())
print(b.decode(), urlsplit('http://h/').encode())
for bad in [('http://h', b'x'), ]:
    try:
        urlsplit(*bad)
    except TypeError as e:
        print('TypeError', e)
for bad in ['http://[::1/', 'http://::1]/', 'http://[1.2.3.4]/', 'http://[zz::1]/', 'http://[v1.x]/', 'http://[vz.x]/']:
    try:
        print(urlsplit(bad))
    except ValueError as e:
        print('ValueError', e)
