# WeakValueDictionary: entries vanish with their values, also in the middle
# of a loop over the dictionary.
import gc
import weakref


class Val:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'Val(%d)' % self.n


vals = {i: Val(i) for i in range(6)}
d = weakref.WeakValueDictionary(vals)
print(len(d), d[3], 3 in d, 9 in d, d.get(9), d.get(3))
del vals[3]
print(len(d), 3 in d, d.get(3, 'gone'), sorted(d))
try:
    d[3]
except KeyError as e:
    print('KeyError', e)

# Values dying during iteration are skipped and removed afterwards.
seen = []
for key in d:
    seen.append(key)
    if key == 0:
        del vals[4], vals[5]
print(sorted(seen) == sorted(seen), len(d), sorted(d))
for key, value in d.items():
    if key == 1:
        del vals[2]
print(sorted(d.items(), key=lambda kv: kv[0]), len(d))
print(sorted(v.n for v in d.values()), len(d.valuerefs()))

# Storing a new value under a key whose old value died keeps the new one.
e = weakref.WeakValueDictionary()
old = Val(100)
e['k'] = old
refs = list(e.itervaluerefs())
it = iter(e.items())
next(it)
del old
e['k'] = new = Val(200)
del it
print(e['k'], len(e))

d2 = d.copy()
print(type(d2).__name__, sorted(d2), d2 is not d)
print(d.pop(0), d.pop(0, 'missing'), sorted(d))
print(d.setdefault(1), d.setdefault(7, Val(7)) is None or 7 in d)
vals[8] = Val(8)
d.update({8: vals[8]}, nine=vals[1])
print(sorted(map(str, d.keys())))
k, v = d.popitem()
print(type(k).__name__ in ('int', 'str'), isinstance(v, Val))
d.clear()
print(len(d), list(d))
merged = weakref.WeakValueDictionary({1: vals[1]}) | {8: vals[8]}
print(type(merged).__name__, sorted(merged))
print(repr(d).startswith('<WeakValueDictionary at 0x'))

# Cycles among values go through the collector.
gc.disable()
f = weakref.WeakValueDictionary()
x = Val(1)
x.me = x
f['x'] = x
del x
print(len(f))
gc.collect()
print(len(f), list(f))
gc.enable()
