# Instance attribute reads and writes, class attribute reads and a property.
import time


class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y)


def work(n):
    p = Point(1, 2)
    total = 0
    for i in range(n):
        p.x = i
        p.y = p.x + 1
        total += p.x * p.scale + p.y
        if i % 8 == 0:
            total += p.norm1
    return total


start = time.perf_counter()
work(6_000_000)
print("elapsed", time.perf_counter() - start)
