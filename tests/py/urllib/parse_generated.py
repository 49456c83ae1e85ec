# Generated URLs (a fixed linear congruential sequence): urlsplit, urlparse, urljoin,
# netloc properties, quote/unquote and parse_qsl must all agree with CPython.
from urllib.parse import (urlsplit, urlparse, urljoin, urlunsplit, quote, unquote, quote_plus,
                          unquote_plus, parse_qsl, urldefrag)

state = 12345


def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return (state >> 8) % n


SCHEMES = ['http:', 'https:', 'ftp:', 'file:', 'mailto:', 'HTTP:', 'x-y+z.1:', '1a:', '', '', 'svn+ssh:', 'news:']
HOSTS = ['//h', '//Host.Example', '//u:p@h:80', '//[::1]', '//[::1]:8', '//h:', '//@h', '//h:99999', '//h:x',
         '//u@[fe80::1%25en0]:1', '', '', '//', '//h.com:0443', '//a:b:c@d']
PATHS = ['', '/', '/a', '/a/b/', 'a/b', '/a/./b/../c', '/%7Euser', '/p;x=1', '/p;a;b/c;d', '..', '../x', '/é', '//x']
QUERIES = ['', '?', '?a=1', '?a=1&b=%20&c', '?x=y;z=w', '?q=%zz+1', '?a=é']
FRAGS = ['', '#', '#f', '#f?g', '#a#b']
BASES = ['http://a/b/c/d;p?q', 'https://h/x/', 'file:///tmp/', 'ftp://f/p/q', 'mailto:x@y']

for i in range(300):
    url = (SCHEMES[rnd(len(SCHEMES))] + HOSTS[rnd(len(HOSTS))] + PATHS[rnd(len(PATHS))] +
           QUERIES[rnd(len(QUERIES))] + FRAGS[rnd(len(FRAGS))])
    out = [repr(url)]
    try:
        s = urlsplit(url)
        p = urlparse(url)
        out += [tuple(s), p.params, urlunsplit(s), p.geturl()]
        for attr in ('hostname', 'port', 'username', 'password'):
            try:
                out.append(getattr(s, attr))
            except ValueError as e:
                out.append('ValueError: %s' % e)
    except ValueError as e:
        out.append('ValueError: %s' % e)
    try:
        out.append(urljoin(BASES[rnd(len(BASES))], url))
    except ValueError as e:
        out.append('join ValueError: %s' % e)
    out.append(urldefrag(url).fragment if '[' not in url else '')
    out += [quote(url), quote_plus(url, safe=':/'), unquote(url), unquote_plus(url)]
    out.append(parse_qsl(urlsplit(url).query if '[' not in url else '', keep_blank_values=bool(i % 2)))
    print(*out, sep=' | ')
