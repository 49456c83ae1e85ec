# Every JSONDecodeError kind: message, pos, lineno, colno, as CPython's.
import json

DOCS = [
    '', ' ', '\n\n', 'x', '[', ']', '{', '}', '[1', '[1,', '[1,]', '[1 2]', '[,1]', '{"a"', '{"a":',
    '{"a":1', '{"a":1,', '{"a":1,}', '{"a" 1}', '{a:1}', "{'a':1}", '{"a":1 "b":2}', '{1:2}',
    '"abc', '"a\\', '"\\x"', '"\\u12"', '"\\u12', '"\\uzzzz"', '"\\u123g"', '"\\ud800\\uzzzz"',
    '"\\ud800\\u12"', '"a\x01b"', '"tab\there"', '"new\nline"', '1 2', '[] []', '{}x', 'nul', 'tru',
    'fals', 'nan', 'inf', '-', '-x', '-Inf', '+1', '.5', '01', '1.', '1.e5', '1e', '1e+', '1E-',
    '00', '-0', '0x10', 'True', 'None', 'NaN x', '[1]\n  junk', '\n\n  [1,\n  2,,]', '{"a":\n\n  }',
    '\ufeff[1]', '["\u00e9\u00e9", ]', '["日本語" 1]', '{"é":1,\n"ü"}', '\u3000[]', '[1]\u3000',
    '[\n' * 3 + ']', '"\\', '"\\u', '"\\ud834\\udd1e', '[-]', '[1e5e5]', '{"a":1}}', '"abc"x',
]
for doc in DOCS:
    try:
        v = json.loads(doc)
        print(repr(doc), 'OK', repr(v))
    except json.JSONDecodeError as e:
        print(repr(doc), '|', e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == doc)

e = json.JSONDecodeError('Boom', 'ab\ncd\nef', 7)
print(e, e.args, e.msg, e.pos, e.lineno, e.colno, isinstance(e, ValueError))
print(json.JSONDecodeError('m', '', 0))
d = json.JSONDecoder()
print(d.raw_decode('[1] trailing'), d.raw_decode('  {"a": 2}', 2), d.raw_decode('"x"y'))
for bad in [('', 0), ('[1]', 5), (' 1', 0)]:
    try:
        print(d.raw_decode(*bad))
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e)
print(d.scan_once('[1, 2] x', 0), d.scan_once('xx"é" ', 2))
try:
    d.scan_once('   ', 1)
except StopIteration as e:
    print('StopIteration', e.value)
try:
    d.scan_once('[1,', 0)
except StopIteration as e:
    print('StopIteration', e.value)
for bad in [b'\xff', 3, None, [1]]:
    try:
        json.loads(bad)
    except (TypeError, UnicodeDecodeError, ValueError) as e:
        print(type(e).__name__, e)
