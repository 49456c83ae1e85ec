# total_ordering (from each of the four roots, with NotImplemented passing
# through), cmp_to_key and reduce.
from functools import total_ordering, cmp_to_key, reduce


def make(root):
    ns = {}

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.v == other.v

    def compare(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return {'__lt__': self.v < other.v, '__le__': self.v <= other.v,
                '__gt__': self.v > other.v, '__ge__': self.v >= other.v}[root]

    ns['__init__'] = __init__
    ns['__eq__'] = __eq__
    ns[root] = compare
    return total_ordering(type('From' + root.strip('_'), (), ns))


for root in ('__lt__', '__le__', '__gt__', '__ge__'):
    cls = make(root)
    a, b, c = cls(1), cls(2), cls(2)
    row = [a < b, a <= b, a > b, a >= b, b < c, b <= c, b > c, b >= c, b > a, b >= a]
    print(cls.__name__, row)
    print('  generated names:', sorted(n for n in ('__lt__', '__le__', '__gt__', '__ge__')
                                      if n != root and getattr(cls, n).__name__ == n))
    try:
        a < 'x'
    except TypeError as e:
        print('  TypeError:', e)
    print('  NotImplemented passes through:', getattr(cls, '__gt__')(a, 5), getattr(cls, '__le__')(a, 5))


# A class defining several roots keeps its own methods; the preferred root
# fills the rest.
@total_ordering
class Both:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __gt__(self, o):
        return self.v > o.v

    def __le__(self, o):
        return 'own le'


print(Both(1) <= Both(2), Both(1) < Both(2), Both(3) >= Both(2), Both.__lt__.__name__)


# Inherited comparisons count as defined.
class Base:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        return self.v < o.v


@total_ordering
class Child(Base):
    pass


print(Child(1) > Child(0), Child(1) >= Child(1), Child(1) <= Child(0))

try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError:', e)


@total_ordering
class OnlyEqViaObject:
    def __lt__(self, other):
        return False


x = OnlyEqViaObject()
print('uses identity equality:', x <= x, x >= OnlyEqViaObject())

# cmp_to_key
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


words = ['pear', 'fig', 'apple', 'kiwi', 'date', 'banana']
print(sorted(words, key=cmp_to_key(by_len_then_alpha)))
print(sorted(words, key=cmp_to_key(by_len_then_alpha), reverse=True))
print(max([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(lambda a, b: (a > b) - (a < b))
k1, k2 = K(1), K(2)
print(k1 < k2, k1 > k2, k1 == K(1), k1 <= k2, k1 >= k2, k1 != k2, k1.obj)
try:
    hash(k1)
except TypeError as e:
    print('TypeError:', e)
print('cmp_to_key returns a new type each call:', cmp_to_key(len) is not cmp_to_key(len))
import heapq
h = [K(v) for v in (5, 3, 8, 1)]
heapq.heapify(h)
print([heapq.heappop(h).obj for _ in range(4)])

# reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 'init'))
print(reduce(lambda a, b: a + [b], 'abc', []), reduce(max, iter([4, 9, 2])))
print(reduce(lambda a, b: a * b, range(1, 6), 10), reduce(lambda a, b: 1 / 0, [7]))
print(reduce(lambda a, b: a + b, [1, 2], initial=10) if False else 'kw skipped')
for args in (([],), (5,), (None,)):
    try:
        reduce(lambda a, b: a, *args)
    except TypeError as e:
        print('TypeError:', e)
try:
    reduce(lambda a, b: 1 / 0, [1, 2])
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)


def gen():
    yield 1
    raise KeyError('from iterable')


try:
    reduce(lambda a, b: a, gen())
except KeyError as e:
    print('KeyError:', e)
try:
    reduce(lambda a, b: a, gen(), 0)
except KeyError as e:
    print('KeyError:', e)
