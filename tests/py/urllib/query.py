# parse_qs / parse_qsl options and urlencode with doseq, safe and quote_via.
from urllib.parse import parse_qs, parse_qsl, urlencode, quote

Q = ['a=1&b=2', 'a=1&a=2&b=', 'a', 'a=', '=b', '&&a=1&&', 'a=1;b=2', 'x=%20y+z', 'k+1=v%2B',
     'a=b=c', '', 'ü=ö', 'a=%E2%82%AC', 'a=%ff']
for q in Q:
    print(repr(q), parse_qsl(q), parse_qsl(q, keep_blank_values=True), parse_qs(q), parse_qs(q, True))
print(parse_qsl('a=1;b=2', separator=';'), parse_qs(b'a=1&a=2'), parse_qsl(b'x=%20'))
print(parse_qsl('a=%e9', encoding='latin-1'), parse_qsl('a=%ff', errors='ignore'))
for args in [('a=1&b', {'strict_parsing': True}), ('a=1&&b=2', {'strict_parsing': True}),
             ('a=1&b=2&c=3', {'max_num_fields': 2}), ('a=1', {'separator': ''}),
             ('a=1', {'separator': None}), ('a=1&b=2', {'max_num_fields': 2})]:
    try:
        print(parse_qsl(args[0], **args[1]))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

print(urlencode({'a': 1, 'b': 'x y', 'c': 'ü&='}))
print(urlencode([('a', 1), ('a', 2), ('b', None)]))
print(urlencode({'a': [1, 2], 'b': 'str', 'c': (3,), 'd': b'by tes', 'e': 5}, doseq=True))
print(urlencode({'a': [1, 2]}))
print(urlencode({b'k': b'v w', 'x': b'\xff'}))
print(urlencode({'p': '/a b/'}, safe='/'), urlencode({'p': '/a b/'}, quote_via=quote))
print(urlencode({'p': 'é'}, encoding='latin-1'), urlencode([]), urlencode({}))
print(urlencode({'a': [b'x y', 'z']}, doseq=True), urlencode({'a': ['é']}, doseq=True, encoding='latin-1'))
for bad in ['abc', [1, 2], 5]:
    try:
        urlencode(bad)
    except TypeError as e:
        print('TypeError', e)
