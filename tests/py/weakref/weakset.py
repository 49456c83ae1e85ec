# WeakSet: members vanish when they die, also while the set is iterated.
import weakref
import _weakrefset


class M:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return 'M(%d)' % self.n


def ns(s):
    return sorted(m.n for m in s)


ms = [M(i) for i in range(8)]
s = weakref.WeakSet(ms[:5])
print(len(s), ns(s), ms[0] in s, ms[7] in s, 1 in s, _weakrefset.WeakSet is weakref.WeakSet)
s.add(ms[5])
s.discard(ms[0])
s.remove(ms[1])
try:
    s.remove(ms[1])
except KeyError:
    print('KeyError')
print(ns(s))
del ms[2]
print(len(s), ns(s))
count = 0
for m in s:
    count += 1
    if count == 1:
        # Every other member dies; the loop variable keeps this one.
        ms[:] = [x for x in ms if x is m or x not in s]
        print('len during loop', len(s))
del m
print(len(s), len(list(s)))
# A fresh, deterministic population for the algebra below.
ms = [M(i) for i in range(8)]
s = weakref.WeakSet(ms[2:5])
t = weakref.WeakSet(ms[:2] + ms[3:])
print(ns(t - s), ns(s & t), ns(s | t), ns(s ^ t), s <= t, t >= s, s < t, t > s, s == t)
print(ns(s.union(ms[:1])), ns(t.difference(s)), ns(t.intersection(s)), s.isdisjoint(t))
u = s.copy()
u |= weakref.WeakSet([ms[0]])
u -= [ms[1]]
print(ns(u))
p = u.pop()
print(isinstance(p, M), len(u))
u.clear()
print(len(u))
try:
    u.pop()
except KeyError as e:
    print('KeyError', e)
print(repr(weakref.WeakSet()))
ms.clear()
del p
print(len(s), len(t), list(s))
