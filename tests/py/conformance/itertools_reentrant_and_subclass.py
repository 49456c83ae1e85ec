# pairwise() whose source calls back into the same pairwise object, tee()
# of an iterator that can copy itself, and keyword arguments handed to a
# subclass's own __init__.
import itertools
from itertools import pairwise, tee, cycle, islice, chain, starmap


def reentrant(maxcount):
    class Source:
        count = 0
        def __iter__(self):
            return self
        def __next__(self):
            if self.count >= maxcount:
                raise StopIteration
            self.count += 1
            if self.count == 1:
                return next(it, None)
            return [self.count]
    it = pairwise(Source())
    return list(it)

for n in range(1, 6):
    print(n, reentrant(n))


class Echo:
    # pairwise whose source re-enters at every step
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 6:
            raise StopIteration
        if self.n % 2:
            return next(p, 'X')
        return self.n

p = pairwise(Echo())
print(list(p))

a, b = tee('abc')
c, d = tee(a)
print(a is c, list(c), list(d), list(b))


class Countdown:
    def __init__(self, items):
        self.items = list(items)
    def __iter__(self):
        return self
    def __next__(self):
        if not self.items:
            raise StopIteration
        return self.items.pop()
    def __copy__(self):
        return Countdown(reversed(self.items))

x, y, z = tee(Countdown([1, 2, 3]), 3)
print(type(x).__name__, type(y).__name__, list(x), list(y), list(z))
print(tee([1, 2], 0))
try:
    tee(5)
except TypeError as e:
    print('TypeError', e)


for base, args in [(cycle, ([1, 2],)), (islice, ('abcdef', 1, 4)),
                   (chain, ([1], [2, 3])), (starmap, (pow, [(2, 3)])),
                   (itertools.dropwhile, (bool, [1, 0, 2])),
                   (map, (str, [1, 2])), (filter, (None, [0, 1, 2]))]:
    class Plain(base):
        pass
    try:
        Plain(*args, extra=1)
        print(base.__name__, 'accepted')
    except TypeError:
        print(base.__name__, 'TypeError')

    class WithInit(base):
        def __init__(self, *args, extra=None):
            self.extra = extra
    w = WithInit(*args, extra=7)
    print(base.__name__, type(w).__name__, w.extra, list(islice(w, 5)))
