# Method calls on instances: bound-method lookup through the class, and self access.
import time


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self):
        self.n += 1

    def add(self, k):
        self.n += k
        return self.n


class Sub(Counter):
    def twice(self):
        self.inc()
        self.inc()


def work(n):
    c = Sub()
    for i in range(n):
        c.inc()
        c.add(2)
        c.twice()
    return c.n


start = time.perf_counter()
work(4_000_000)
print("elapsed", time.perf_counter() - start)
