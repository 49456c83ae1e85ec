# dumps options: indent layouts, skipkeys, allow_nan, default, cls, check_circular, key errors.
import json

data = {'name': 'x', 'list': [1, 2, [], {}, [3, {'a': None}]], 'empty': {}, 'e2': [], 'n': {'k': [True]}}
for indent in [None, 0, 1, 2, 4, '', '\t', '--', -1, 'é']:
    print(repr(indent))
    print(json.dumps(data, indent=indent))
    print(json.dumps(data, indent=indent, separators=(',', ': '), sort_keys=True))
print(json.dumps([1, [2, 3]], indent=2, separators=(' ,', ' : ')))
print(json.dumps({'a': 1}, indent=3, ensure_ascii=False))
print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps(5, indent=2), json.dumps('s', indent=2))

for v in [{(1, 2): 1, 'a': 2}, {object(): 1}, {b'x': 1}]:
    try:
        print(json.dumps(v))
    except TypeError as e:
        print('TypeError', e)
print(json.dumps({(1, 2): 1, 'a': 2, 3: 4}, skipkeys=True))
print(json.dumps({(1, 2): 1}, skipkeys=True), repr(json.dumps({(1, 2): 1}, skipkeys=True, indent=2)))
print(json.dumps({'a': 1, (1,): 2, 'b': 3}, skipkeys=True, indent=1))
print(json.dumps({(1,): 2, 'b': 3}, skipkeys=True, indent=1))

for v in [float('nan'), [float('inf')], {'a': float('-inf')}, {float('nan'): 1}]:
    for kw in [{}, {'indent': 2}]:
        try:
            print(json.dumps(v, allow_nan=False, **kw))
        except ValueError as e:
            print('ValueError', e)

for v in [{1, 2}, b'bytes', object, complex(1, 2), [1, {2}]]:
    try:
        print(json.dumps(v))
    except TypeError as e:
        print('TypeError', e)

print(json.dumps({1, 3, 2}, default=sorted))
print(json.dumps({'s': {1}}, default=lambda o: 'SET', indent=1))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return {'re': o.real, 'im': o.imag}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps([1j, {3, 1}], cls=Enc), json.dumps({'c': 2 + 3j}, cls=Enc, indent=2, sort_keys=True))
try:
    json.dumps(object(), cls=Enc)
except TypeError as e:
    print('TypeError', e)

class Loop:
    pass
try:
    json.dumps(Loop(), default=lambda o: o)
except ValueError as e:
    print('ValueError', e)
d = {}
d['self'] = d
try:
    json.dumps(d)
except ValueError as e:
    print('ValueError', e)
try:
    json.dumps([d], indent=2)
except ValueError as e:
    print('ValueError', e)
shared = [1]
print(json.dumps([shared, shared, {'a': shared}]))

for v in [{1: 1, 'a': 2}, {None: 1, 'x': 2}]:
    try:
        print(json.dumps(v, sort_keys=True))
    except TypeError as e:
        print('TypeError', e)
print(json.dumps({2: 'b', 1: 'a', 3.5: 'c'}, sort_keys=True))

import io
buf = io.StringIO()
json.dump({'a': [1, 2]}, buf)
json.dump([3], buf, indent=1)
print(repr(buf.getvalue()))
buf.seek(0)
print(json.load(io.StringIO('{"x": [1, 2.5, "é"]}')), json.load(io.BytesIO(b'[true]')))
print(json.loads(json.dumps(data)) == data)
try:
    json.dumps([1], bogus=1)
except TypeError as e:
    print('TypeError', e)
try:
    json.loads('[1]', bogus=1)
except TypeError as e:
    print('TypeError', e)
