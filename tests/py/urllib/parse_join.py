# urljoin against RFC 3986 section 5.4 and CPython's extra cases; urldefrag.
from urllib.parse import urljoin, urldefrag

BASE = 'http://a/b/c/d;p?q'
REFS = ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x',
        'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g',
        '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g',
        './g/.', 'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x', 'g?y/../x',
        'g#s/./x', 'g#s/../x', 'http:g', 'http:', 'https:g', '//g/x/../y', 'g//h', '///g']
for ref in REFS:
    print(repr(ref), urljoin(BASE, ref))
for base in ['http://a/b/c/', 'http://a', 'http://a/', 'mailto:x@y', 'file:///tmp/a/b',
             'svn+ssh://h/r/', 'ws://h/a/b', 'unknown://h/a/b', '', 'http://a/b/../c', 'g']:
    for ref in ['x', '../y', '/z', '?q', '#f', '', 'http://other/p', '//n/p']:
        print(repr(base), repr(ref), urljoin(base, ref))
print(urljoin(b'http://a/b/', b'c'), urljoin('http://a/b/', 'c#frag', allow_fragments=False))
try:
    urljoin('http://a/', b'x')
except TypeError as e:
    print('TypeError', e)
for u in ['http://a/b#c', 'http://a/b', 'http://a/b;p?q#', 'x#y#z', '#only', b'http://a#b']:
    d = urldefrag(u)
    print(d, d.url, d.fragment, d.geturl(), d[0])
