from itertools import *
for t in product('ab', 'cd'): print(t)
for t in combinations('abcd', 2): print(t, end=' ')
print()
for t in permutations('abc'): print(t, end=' ')
print()
for t in combinations_with_replacement('ab', 3): print(t, end=' ')
print()
for t in zip_longest('ab', 'xyz'): print(t, end=' ')
print()
g = groupby('aaabbbcc')
groups = [(k, grp) for k, grp in g]
print([(k, list(grp)) for k, grp in groups])
it = chain([1], (1 // x for x in [1, 0]))
try:
    print(list(it))
except ZeroDivisionError as e: print('ZDE', e)
print(list(accumulate([1, 2, 3], initial=None)), list(accumulate('abc')))
def gen():
    yield 1
    raise StopIteration
try: print(list(islice(gen(), 3)))
except RuntimeError as e: print('RE', e)
class X:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(list(chain(X(), [1])), list(cycle(X())), list(zip_longest(X(), [1])))
print(list(starmap(lambda *a: sum(a), [[1, 2], (3,), iter([4, 5])])))
c = count(); next(c); print(c, repr(count(1.5, -0.5)), count(2**70), count(True))
r = repeat(None, 2); print(list(r), r)
print(next(pairwise(count())), list(islice(count(), 0, 10, 3)), list(islice(range(10), None)))
s = islice(iter(range(10)), 2, 4); print(list(s), list(s))
t1, t2 = tee(x * x for x in range(3)); print(next(t2), list(t1), list(t2))
import itertools
print(sorted(n for n in dir(itertools) if not n.startswith('_')))
print(list(filterfalse(lambda x: x < 3, [1, 5, 2, 6])), list(takewhile(bool, [1, 1, 0, 1])), list(dropwhile(bool, [1, 0, 1])))
print(list(islice(count(True), 3)), list(islice(count(True, 2), 3)), count(5, True), list(islice(count(5, True), 2)), count(True, 2))
class I(int): pass
print(count(I(3)), list(islice(count(I(3), 2), 2)))
