# json.loads of every value kind, escapes, surrogates, numbers, hooks and bytes input.
import json
from collections import OrderedDict

DOCS = [
    'null', 'true', 'false', '0', '-0', '1', '-1', '123456789012345678', '1234567890123456789',
    '-9223372036854775809', '1' * 50, '1.5', '-0.0', '1e10', '1E-10', '1.5e+300', '1e400', '-1e400',
    '2.2250738585072014e-308', '5e-324', '0.1', '1.7976931348623157e308', '3.141592653589793238462643',
    '123.456e-2', 'NaN', 'Infinity', '-Infinity', '""', '"abc"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
    '"\\u0041\\u00e9\\u4e2d"', '"\\ud834\\udd1e"', '"\\uD834\\uDD1E"', '"\\ud800"', '"\\udc00"',
    '"\\ud800\\u0041"', '"\\udc00\\ud800"', '"\\ud800\\ud800\\udc00"', '"é日本😀"', '"mixé\\n日"',
    '[]', '[ ]', '{}', '{ }', '[1,2,3]', '[[],[[]],{}]', '{"a":{"b":{"c":[1,{"d":null}]}}}',
    ' \t\n\r[1 , 2 ]\r\n ', '{"a":1,"a":2}', '{"":0}', '{"é":"ü","\\u00e9":2}',
    '[true,false,null,"x",1.0,-2]', '{"k": [1, "two", {"three": 3.0}]}',
]
for doc in DOCS:
    v = json.loads(doc)
    print(repr(doc), repr(v), type(v).__name__)

print(json.loads('[1.1, 2]', parse_float=str), json.loads('[1, 2.5]', parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda s: 'C:' + s))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
od = json.loads('{"b": 1, "a": {"c": 3}}', object_pairs_hook=OrderedDict)
print(type(od).__name__, list(od.items())[0], type(od['a']).__name__, list(od['a'].items()))
print(json.loads('{"b": 1, "a": {"c": 3}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"x": 1}', object_hook=lambda d: 1, object_pairs_hook=lambda p: 2))
print(json.loads('[1.5]', parse_float=float), json.loads('[10]', parse_int=float))
print(json.loads('"a\tb"', strict=False), repr(json.loads('"\x00\x1f"', strict=False)))
try:
    json.loads('"a\tb"')
except json.JSONDecodeError as e:
    print(e)
for b in [b'[1, "x"]', b'\xff\xfe[\x001\x00]\x00', b'[\x001\x00]\x00', b'\x00[\x001\x00]',
          b'\xff\xfe\x00\x00{\x00\x00\x00"\x00\x00\x00\xe9\x00\x00\x00"\x00\x00\x00:\x00\x00\x00 \x00\x00\x00"\x00\x00\x00\x00\xf6\x01\x00"\x00\x00\x00}\x00\x00\x00', b'[\x00\x00\x00"\x00\x00\x00x\x00\x00\x00"\x00\x00\x00]\x00\x00\x00', b'\x00\x00\x00[\x00\x00\x00"\x00\x00\x00x\x00\x00\x00"\x00\x00\x00]',
          b'\xef\xbb\xbf[2]', bytearray(b'{"a": [1]}'), b'"\x00=\xd8\x00\xde"\x00', b'7', b'"\xc3\xa9"', b'12', b'\x00[\x00"\x00\xe9\x00"\x00]']:
    print(json.detect_encoding(b), json.loads(b))
print(json.loads('{"a": 1}', cls=json.JSONDecoder))
class D(json.JSONDecoder):
    def decode(self, s):
        return ('custom', super().decode(s))
print(json.loads('[1]', cls=D))
print(json.JSONDecoder(object_hook=dict).decode(' {"z": [] } '))
from json.decoder import scanstring
print(scanstring('"abc\\n" tail', 1), scanstring('x"é\\u00e9"', 2), scanstring('"a\tb"', 1, False))
try:
    scanstring('"abc', 1)
except json.JSONDecodeError as e:
    print(e)
try:
    scanstring('"abc"', 9)
except ValueError as e:
    print('ValueError', e)
big = json.loads('[' + ','.join(str(i) for i in range(1000)) + ']')
print(len(big), sum(big))
print(json.loads('{"a":' * 50 + '1' + '}' * 50) is not None)
try:
    json.loads('1' * 5000)
except ValueError as e:
    print('ValueError', e)
