class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, by=1):
        self.n += by
        return self.n
c = Counter()
m = c.inc
print(m(), m(5), c.n)
print(m.__self__ is c, m.__func__ is Counter.inc, m.__name__)
f = Counter.inc
print(f(c, 10))
methods = [c.inc, Counter().inc]
print([x() for x in methods])
print(c.inc == c.inc, c.inc is c.inc)
