# quote / quote_plus / unquote / unquote_plus / quote_from_bytes / unquote_to_bytes.
from urllib.parse import quote, quote_plus, unquote, unquote_plus, quote_from_bytes, unquote_to_bytes

S = ['', 'abc', 'a b', 'a+b', '/path/to file', 'ü', '日本語', 'a&b=c', '~_.-', '%', '100%',
     "!*'();:@&=+$,/?#[]", '\x00\x7f\x80', 'emoji 😀', ' ', '\t\n']
for s in S:
    print(repr(s), quote(s), quote(s, safe=''), quote(s, safe='/:?'), quote_plus(s), quote_plus(s, safe='/'))
print(quote('a b', safe=b' '), quote(b'a b/c'), quote(bytearray(b'x y')), quote_plus(b'a b+c'))
print(quote('ü', encoding='latin-1'), quote('€', encoding='ascii', errors='replace'), quote('é', safe='é'))
print(quote_from_bytes(b'\xff\x00/a'), quote_from_bytes(b'abc'), quote_from_bytes(b''), quote_from_bytes(b'a b', safe=b' '))
for bad in [(b'x', None, 'utf-8'), (b'x', None, None, 'strict')]:
    try:
        quote(bad[0], '/', *bad[2:])
    except TypeError as e:
        print('TypeError', e)
try:
    quote_from_bytes('str')
except TypeError as e:
    print('TypeError', e)
try:
    quote(5)
except TypeError as e:
    print('TypeError', type(e).__name__)

U = ['', 'abc', '%41%42', '%e2%82%ac', '%E2%82%AC', '%zz', '%4', '%', 'a%2', '%C3%A9t%C3%A9', '%ff',
     'a+b', 'a%20b', 'ü%C3%BC', '%2B', '%%41', '%E2%82', 'x%E2%82%ACy%', '日%E6%9C%AC']
for u in U:
    print(repr(u), repr(unquote(u)), repr(unquote_plus(u)), repr(unquote_to_bytes(u)))
print(repr(unquote('%ff', errors='strict' if False else 'ignore')), repr(unquote('%e9', encoding='latin-1')))
print(repr(unquote(b'%41%20')), repr(unquote_to_bytes(b'a%41')), repr(unquote_to_bytes('')))
try:
    unquote('%ff', errors='strict')
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
print(unquote(quote('round trip ü/?&')), unquote_plus(quote_plus('x y+z')))
