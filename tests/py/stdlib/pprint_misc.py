# Recursion, readability, saferepr, PrettyPrinter options and errors,
# collections types, subclasses and dataclasses.
import pprint
import collections
import dataclasses
import io
import re
import types

def hide_ids(text):
    return re.sub(r'id=\d+', 'id=N', text)

a = [1, 2]
a.append(a)
d = {'self': None}
d['self'] = d
t = ([],)
t[0].append(t)
for obj in (a, d, t):
    print(hide_ids(pprint.saferepr(obj)), pprint.isrecursive(obj), pprint.isreadable(obj))
    print(hide_ids(pprint.pformat(obj)))
    print(hide_ids(pprint.pformat([obj, obj], width=10)))
shared = [1, 2, 3]
print(pprint.pformat([shared, shared, {'k': shared}]))
print(pprint.isrecursive([shared, shared]), pprint.isreadable([shared, shared]))

class Opaque:
    pass

class Custom:
    def __repr__(self):
        return 'Custom()'

print(pprint.isreadable([1, 'two', (3.0,), {4: None}]), pprint.isreadable([Opaque()]))
print(pprint.isreadable(Custom()), pprint.isreadable({'c': Custom()}))
print(pprint.saferepr({'b': [1, 2], 'a': (3,)}), pprint.saferepr('x'), pprint.saferepr(5))
printer = pprint.PrettyPrinter(width=20)
print(printer.isreadable([1, 2]), printer.isrecursive([1, 2]), printer.isrecursive(a))
print(hide_ids(str(printer.format(a, {}, 0, 0))))

out = io.StringIO()
pprint.pprint({'to': 'a stream', 'n': list(range(25))}, stream=out, width=40)
print(repr(out.getvalue()))
pp = pprint.PrettyPrinter(indent=2, width=30, depth=2, stream=out)
pp.pprint([1, [2, [3, [4]]]])
print(repr(out.getvalue()[-40:]))
print(pp.pformat({'a': {'b': {'c': 1}}}))

for kwargs in ({'indent': -1}, {'depth': 0}, {'depth': -2}, {'width': 0}):
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print(kwargs, 'ValueError:', e)
print(pprint.pformat([1, [2, 3]] * 8, width=-5)[:30].replace('\n', '|'))
print(pprint.pformat(list(range(5)), indent='2', width='10').replace('\n', '|'))

class MyList(list):
    pass

class MyDict(dict):
    pass

class ReprList(list):
    def __repr__(self):
        return 'ReprList!'

print(pprint.pformat(MyList(range(30))))
print(pprint.pformat(MyDict(zip('abcdefghij', range(10))), width=30))
print(pprint.pformat(ReprList(range(30)), width=10))
print(pprint.pformat([Custom()] * 12, width=30))

od = collections.OrderedDict([('z', 1), ('a', list(range(20)))])
print(pprint.pformat(od, width=30))
print(pprint.pformat(collections.OrderedDict(), width=5))
dd = collections.defaultdict(list, {'k%d' % i: [i] * i for i in range(6)})
print(pprint.pformat(dd, width=30))
c = collections.Counter('abracadabra' * 3 + 'xyz')
print(pprint.pformat(c, width=20))
print(pprint.pformat(collections.deque(range(30))))
print(pprint.pformat(collections.deque(range(30), maxlen=40), width=30))
print(pprint.pformat(collections.ChainMap({'a': list(range(10))}, {'b': 2}), width=30))
ns = types.SimpleNamespace(alpha=list(range(15)), beta='text ' * 8, gamma={'x': 1})
print(pprint.pformat(ns, width=40))
print(pprint.pformat(types.MappingProxyType({'key%d' % i: i for i in range(8)}), width=30))

@dataclasses.dataclass
class Point:
    x: int
    y: int
    tags: list = dataclasses.field(default_factory=list)
    hidden: int = dataclasses.field(default=0, repr=False)

p = Point(10, 20, ['tag-%d' % i for i in range(8)])
print(pprint.pformat(p))
print(pprint.pformat(p, width=30))
print(pprint.pformat([Point(1, 2)], width=10))
