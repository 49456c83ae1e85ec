# dumps of every value kind, float repr, string escaping and ensure_ascii.
import json


VALUES = [
    None, True, False, 0, -1, 12345678901234567890, -(2 ** 100), 1.0, -0.0, 0.1, 1e16, 1e-7,
    1.7976931348623157e308, 5e-324, 123456789.123456789, float('nan'), float('inf'), float('-inf'),
    '', 'abc', 'quote"back\\slash/', '\n\r\t\b\f\x00\x01\x1f\x7f', 'é', '日本語', '😀', '\ud800', '\udfff',
    'mix é 日 😀 \x7f end', [], (), {}, [1, [2, [3]]], (1, 'a', None), {'a': 1, 'b': [True, False]},
    [{}, [], ()], {'nested': {'deep': {'er': [1.5, 'x']}}},
]
for v in VALUES:
    print(repr(v), json.dumps(v), ascii(json.dumps(v, ensure_ascii=False)))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', False: 'd', None: 'e', -3: 'f', float('inf'): 'g', 1e20: 'h'}))
print(json.dumps({'b': 1, 'a': 2, 'c': {'z': 0, 'y': 1}}, sort_keys=True))
print(json.dumps([1, 2, {'a': 3}], separators=(',', ':')), json.dumps({'a': 1}, separators=(' , ', ' = ')))
print(json.dumps('x'), json.dumps('é', ensure_ascii=False), json.dumps(['\u2028\u2029']))

class S(str):
    pass
class I(int):
    def __repr__(self):
        return 'I!'
    __str__ = __repr__
class F(float):
    def __repr__(self):
        return 'F!'
    __str__ = __repr__
class L(list):
    pass
class T(tuple):
    pass
class Dd(dict):
    pass
print(json.dumps([S('sub'), I(7), F(2.5), L([1]), T((2,)), Dd(a=1), {S('k'): I(3)}, {I(4): F(1.5)}]))
print(json.dumps({F(0.5): 1}))
print(json.dumps([True, 1, 1.0, False, 0]))
from json.encoder import encode_basestring, encode_basestring_ascii
print(encode_basestring('a"é\n'), encode_basestring_ascii('a"é\n😀'))
print(json.JSONEncoder().encode({'a': [1, 2]}), json.JSONEncoder().encode('plain'), json.JSONEncoder(ensure_ascii=False).encode('é'))
print(''.join(json.JSONEncoder().iterencode([1, {'a': None}])))
print(''.join(json.JSONEncoder(indent=2).iterencode({'a': [1]})))
big = list(range(1000))
print(len(json.dumps(big)), json.loads(json.dumps(big)) == big)
s = ''.join(chr(c) for c in range(0, 0x800))
print(json.loads(json.dumps(s)) == s, json.loads(json.dumps(s, ensure_ascii=False)) == s)
try:
    json.dumps(10 ** 5000)
except ValueError as e:
    print(e)
try:
    json.dumps({10 ** 5000: 1})
except ValueError as e:
    print(e)
print(json.dumps([1.0e-5, 1e22, 1.5e-300, 2 ** 0.5, -1e-320]))
from http import HTTPStatus
print(json.dumps({HTTPStatus.OK: HTTPStatus.NOT_FOUND}))
import enum
class C(str, enum.Enum):
    A = 'a'
print(json.dumps({C.A: C.A}))
