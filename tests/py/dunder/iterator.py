class Range2:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * 2
r = Range2(4)
print(list(r), list(r))
print(sum(Range2(3)), max(Range2(5)), sorted(Range2(3), reverse=True))
it = iter(Range2(2))
print(next(it), next(it), next(it, "end"))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
try:
    for x in 5:
        pass
except TypeError as e:
    print(e)
