# Counter's in-place | and &, dict | ChainMap, Set._hash agreeing with
# frozenset's hash, and collections._count_elements.
import collections
from collections import Counter, ChainMap
from collections.abc import Set

c = Counter(a=3, b=1, c=0)
c |= Counter(a=1, b=4, d=2, e=-1)
print(sorted(c.items()))
c &= Counter(a=2, b=9, z=5)
print(sorted(c.items()))
keep = c
c |= Counter()
print(c is keep, type(c).__name__)
neg = Counter(x=-2, y=3)
neg |= Counter()
print(neg)
try:
    c |= 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__)

cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
merged = {'a': 0, 'z': 26} | cm
print(type(merged).__name__, merged.maps, len(merged.maps))
print((cm | {'b': 30}).maps, cm.maps)
print(cm.__or__(5), cm.__ror__([1]))
try:
    [1] | cm
except TypeError as e:
    print('TypeError', e)


class Frozen(Set):
    def __init__(self, items):
        self.items = frozenset(items)
    def __contains__(self, x):
        return x in self.items
    def __iter__(self):
        return iter(self.items)
    def __len__(self):
        return len(self.items)
    __hash__ = Set._hash

for items in [(), (1,), (None,), (-1,), ('abc', 'de'), range(100), (10 ** 30, 2.5),
              (frozenset(),), (True, False)]:
    print(hash(Frozen(items)) == hash(frozenset(items)), end=' ')
print()

tally = {}
collections._count_elements(tally, 'abracadabra')
print(tally)
d = collections.defaultdict(int)
collections._count_elements(d, [1, 1, 2])
print(dict(d))
print(Counter('hello').most_common(2))
