# bisect: left/right on duplicates and bounds, lo/hi, key= (which applies to
# the elements, not to x), insort variants, errors, and custom sequences.
import bisect

a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 2.5, 3, 8, 9):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
for lo, hi in ((0, None), (2, None), (0, 3), (3, 5), (5, 5), (6, 2)):
    print(lo, hi, bisect.bisect_left(a, 2, lo, hi), bisect.bisect_right(a, 2, lo, hi),
          bisect.bisect_left(a, 2, lo=lo, hi=hi))
print(bisect.bisect_left([], 1), bisect.bisect_right([], 1))
for fn in (bisect.bisect_left, bisect.bisect_right, bisect.insort_left, bisect.insort_right):
    try:
        fn([1, 2], 1, -1)
    except ValueError as e:
        print(fn.__name__, 'ValueError:', e)

recs = [('ann', 20), ('bob', 25), ('cid', 25), ('dee', 40)]
age = lambda r: r[1]
print(bisect.bisect_left(recs, 25, key=age), bisect.bisect_right(recs, 25, key=age),
      bisect.bisect(recs, 30, key=age), bisect.bisect_left(recs, 25, 2, key=age))
bisect.insort(recs, ('eve', 25), key=age)
bisect.insort_left(recs, ('fay', 25), key=age)
bisect.insort_right(recs, ('gus', 10), key=age)
print(recs)

b = []
for v in (5, 1, 4, 1, 5, 9, 2, 6):
    bisect.insort(b, v)
print(b)
c = [1, 1.0, 1]
bisect.insort_left(c, True)
bisect.insort_right(c, 1.0)
print(c, [type(v).__name__ for v in c])
d = [0, 10, 20, 30]
bisect.insort(d, 15, 0, 2)
print('hi bounds insertion:', d)
print(bisect.bisect_right('abcdef', 'c'), bisect.bisect_left((1, 3, 5), 4))


class Seq:
    def __init__(self, n):
        self.n = n
        self.reads = 0

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        self.reads += 1
        return i * 3


s = Seq(1000)
print(bisect.bisect_left(s, 300), s.reads <= 11, bisect.bisect_right(s, 301))
try:
    bisect.bisect_left([1, 'a'], 0.5)
except TypeError as e:
    print('TypeError:', e)
print(bisect.bisect is bisect.bisect_right, bisect.insort is bisect.insort_right)
