# sum(), any() and all().
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum([1, 2], start=5))
print(sum([0.1] * 10), sum([1, 2.5, 3]), sum([], 1.5), sum([1.0, 2**100]))
print(sum([2**62, 2**62]), sum([-2**62, -2**62, -1]), sum([2**80, -2**80]))
print(sum([True, True, False]), sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum(x * x for x in range(10)))
print(sum([1, 2**100, 1.5]))

class Money:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Money(self.v + (other.v if isinstance(other, Money) else other))

    __radd__ = __add__

print(sum([Money(1), Money(2)]).v)

for args, kwargs in [((['a'], 'b'), {}), (([b'a'], b''), {}), (([1], bytearray()), {}),
                     ((1,), {}), ((), {}), (([1], 2, 3), {}), (([1],), {'x': 3}),
                     (([1], 'x'), {}), ((['a', 'b'],), {})]:
    try:
        print(sum(*args, **kwargs))
    except TypeError as e:
        print('TypeError:', e)

print(any([]), all([]), any([0, '', None]), all([1, 'x', [0]]))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(any([0, 0.0, 1j if False else 2]), all((1, 2, 0)))

def noisy():
    for i in range(10):
        print('yield', i)
        yield i

print(any(noisy()))
print(all(noisy()))
for f in (any, all):
    try:
        f(5)
    except TypeError as e:
        print('TypeError:', e)
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)
