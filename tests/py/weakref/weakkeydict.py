# WeakKeyDictionary: entries vanish with their keys.
import weakref


class Key:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'Key(%d)' % self.n


keys = [Key(i) for i in range(6)]
d = weakref.WeakKeyDictionary()
for k in keys:
    d[k] = k.n * 10
del k
print(len(d), d[keys[2]], keys[2] in d, Key(2) in d, 5 in d, d.get(keys[0]))
del keys[5]
print(len(d), sorted(d.values()))
for key in d:
    if key.n == 0:
        del keys[1:3]
print(len(d), sorted(d.values()))
for key, value in d.items():
    if key.n == 0:
        keys.pop()
        print('during loop', len(d))
print(len(d), sorted(d.values()), len(d.keyrefs()))
del key
print(len(d), sorted(d.values()))
print(d.pop(keys[0]), len(d), d.setdefault(keys[1], 'new'), d[keys[1]])
d.update({keys[0]: 'back'}, )
print(sorted(map(repr, d.items())))
try:
    d[1] = 2
except TypeError as e:
    print('TypeError:', e)
c = d.copy()
print(type(c).__name__, len(c))
k, v = c.popitem()
print(len(c))
del k, v
c.clear()
print(len(c))
keys.clear()
print(len(d), list(d.items()))
print(repr(d).startswith('<WeakKeyDictionary at 0x'))
