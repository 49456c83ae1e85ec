# JSONDecoder/JSONEncoder subclasses, json.scanner.make_scanner, str subclasses as
# input, and json used from several threads at once.
import json
import threading
from json import scanner


class MyDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.parse_float = lambda s: 'F' + s
        self.object_hook = lambda d: ('obj', sorted(d))
        self.scan_once = scanner.make_scanner(self)


print(MyDecoder().decode('{"b": 1.5, "a": [2.5]}'), MyDecoder().raw_decode('[1.0] x'))


class RawDecoder(json.JSONDecoder):
    def raw_decode(self, s, idx=0):
        obj, end = super().raw_decode(s, idx)
        return ('raw', obj), end


print(RawDecoder().decode(' [1] '))
try:
    RawDecoder().decode('[1] 2')
except json.JSONDecodeError as e:
    print(e)


class S(str):
    pass


print(json.loads(S('{"é": [1, "x"]}')), json.loads(S(' 5 ')))


class Tagged(json.JSONEncoder):
    def __init__(self, **kw):
        kw.setdefault('sort_keys', True)
        super().__init__(**kw)

    def default(self, o):
        if isinstance(o, (set, frozenset)):
            return {'__set__': sorted(o)}
        return super().default(o)

    def encode(self, o):
        return '<' + super().encode(o) + '>'


print(json.dumps({'z': {3, 1}, 'a': frozenset([2])}, cls=Tagged))
print(Tagged(indent=1).encode([{2}]))
print(json.JSONEncoder(separators=(',', ':'), sort_keys=True).encode({'b': [1, {'d': 2, 'c': 3}], 'a': None}))

doc = {'items': [{'id': i, 'name': 'n%d' % i, 'vals': [i * 0.5, -i, 'é' * (i % 3)]} for i in range(200)]}
text = json.dumps(doc, sort_keys=True)
results = []
lock = threading.Lock()


def worker(k):
    ok = True
    for _ in range(30):
        if json.loads(text) != doc or json.dumps(json.loads(text), sort_keys=True) != text:
            ok = False
        try:
            json.loads(text[:-k])
        except json.JSONDecodeError as e:
            pass
    with lock:
        results.append(ok)


threads = [threading.Thread(target=worker, args=(k + 1,)) for k in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
