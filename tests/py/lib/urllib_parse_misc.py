# urllib.parse corners not covered by tests/py/urllib: cleaning of the input,
# str/bytes result conversions, unwrap, scheme rules and urlencode details.
from urllib import parse
from urllib.parse import (urlsplit, urlparse, urlunsplit, urldefrag, urljoin, urlencode, quote,
                          quote_plus, unquote, parse_qs, parse_qsl, SplitResult, ParseResult,
                          DefragResult, SplitResultBytes, ParseResultBytes, DefragResultBytes)


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)


for url in ['\x00\x1f http://h/p', 'ht\ttp://h/\r\np', ' \x7fhttp://h/', 'http://h/p  ',
            'HtTp://H/', 'a.b-c+d://x', '-x://y', '+a:b', 'x:', ':x', '://h', 'h:8/p', 'c:\\dir\\f',
            'http:/p', 'http:///p', 'mailto:a@b?subject=x#y', 'news://h/g', 'javascript:alert(1)',
            'http://h/p;a;b?q', 'sip:u@h;x?y', 'http://[::ffff:1.2.3.4]:1/', 'http://[v7.a:b]/',
            'http://[fe80::1%25Eth0]/', 'http://a@[::1]@b/', 'http://u:p@h@i:1/']:
    attempt(lambda: (urlsplit(url), urlparse(url).params))
print(urlsplit('p', scheme=' ht\ttp\n '), urlsplit(b'p', scheme=b'x'), urlsplit(b'p'))
attempt(lambda: urlsplit('http://h', scheme=b'x'))
attempt(lambda: urlsplit(5))

s = urlsplit('http://User:Pw@Host.COM:81/p?q#f')
e = s.encode()
print(type(e).__name__, e, e.hostname, e.port, e.username, e.password)
print(type(e.decode()).__name__, e.decode() == s, e.geturl(), s.encode('utf-8') == e)
p = urlparse('http://h/p;x?q#f')
print(type(p.encode()).__name__, p.encode().geturl(), p.encode().decode().geturl())
d = urldefrag('http://h/p#frag')
print(type(d.encode()).__name__, d.encode(), d.encode().decode(), urldefrag(b'x#y').geturl())
print(SplitResultBytes(b'a', b'b', b'c', b'd', b'e').geturl(), ParseResultBytes(b'', b'', b'p', b'x', b'', b'').geturl())
print(DefragResult('u', 'f').geturl(), DefragResult('u', '').geturl(), DefragResultBytes(b'u', b'f').geturl())
print(SplitResult._fields, ParseResult._fields, DefragResult._fields, repr(DefragResult('a', 'b')))
print(SplitResult(scheme='', netloc='h', path='', query='', fragment='').hostname,
      SplitResult('', '', '', '', '').port, SplitResult('', '[::1]:5', '', '', '').hostname)
print(urlsplit('http://h').encode('ascii').scheme)
attempt(lambda: urlsplit('http://hé/').encode())

print(parse.unwrap('<URL:http://h/p>'), parse.unwrap('  <http://x>  '), parse.unwrap('URL:x'), parse.unwrap('y'))
print(urlunsplit(('file', '', '/etc', '', '')), urlunsplit(('http', '', '', '', '')),
      urlunsplit(('', 'h', 'p', '', '')), urlunsplit((b'http', b'h', b'/p', b'', b'f')))
attempt(lambda: urlunsplit(('http', b'h', '', '', '')))
print(urljoin('http://a/b/c', '../../../../x'), urljoin('http://a/b/c/', './'), urljoin('http://a', 'b/../..'),
      urljoin('file:/a/b', 'c'), urljoin('https://a/b', 'HTTPS://c/d'), urljoin('http://a/b?q#f', ''),
      urljoin('', 'x'), urljoin('http://a/b;p', ';q'), urljoin('http://a/b/', 'c?x#y', False))
print(urlencode({'a': None, 'b': True, 'c': 1.5}), urlencode([('k', 'v')], quote_via=quote, safe='/'),
      urlencode({'a': 'x y'}, doseq=True, quote_via=quote), urlencode({'s': {1, 2} and [3]}, True),
      urlencode({'n': 5}, doseq=True), urlencode({'z': ''}, doseq=True), urlencode({'e': []}, doseq=True))
attempt(lambda: urlencode('a=b'))
attempt(lambda: urlencode([1]))
print(parse_qs('a=1&b=2&a=3'), parse_qsl('a=b+c%2Bd&e', True), parse_qsl('a=1;b=2'), parse_qsl('a=1&b=2', separator='&'))
attempt(lambda: parse_qsl('a=1&b=2', max_num_fields=1))
attempt(lambda: parse_qsl('&', strict_parsing=True))
print(parse_qsl('a==', True), parse_qsl('=', True), parse_qsl('a=%2', True), parse_qs(''))
print(quote('a/b c', safe=''), quote_plus('a b/c+d', safe='+'), quote('~x-y_z.'), quote('\u00e9', safe='\u00e9'),
      unquote('%E9', 'latin-1'), unquote('a%2'), unquote(''), quote(''), quote(b''))
print(parse.scheme_chars[:5], 'https' in parse.uses_netloc, 'mailto' in parse.uses_relative,
      'sip' in parse.uses_params, 'news' in parse.non_hierarchical, 'ws' in parse.uses_relative)
