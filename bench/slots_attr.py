# Reads and writes of __slots__ members: the attribute pattern of small
# value classes (lib/datetime.py keeps every field in a slot). Covers a
# slot defined on the instance's own class, one inherited from a base, and
# a class that has a __dict__ beside its slots. Runs unchanged under
# CPython, which resolves these through its member descriptors.
import time


class Pair:
    __slots__ = ('a', 'b')

    def __init__(self, a, b):
        self.a = a
        self.b = b


class Triple(Pair):
    __slots__ = ('c',)

    def __init__(self, a, b, c):
        Pair.__init__(self, a, b)
        self.c = c


class Loose(Pair):
    # No __slots__ here, so instances also get a __dict__.
    pass


def work(n):
    p = Pair(1, 2)
    t = Triple(1, 2, 3)
    q = Loose(4, 5)
    q.extra = 1
    total = 0
    for i in range(n):
        p.a = i
        p.b = p.a + 1
        t.c = p.b - t.a
        q.a = t.c
        total += p.a + p.b + t.b + t.c + q.a + q.b
    return total


start = time.perf_counter()
assert work(2_000_000) > 0
print("elapsed", time.perf_counter() - start)
