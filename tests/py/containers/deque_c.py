# collections.deque: CPython's behaviour and messages, incl. mutation checks.
from collections import deque


def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


t('maxlen str', lambda: deque([], 'a'))
t('maxlen neg', lambda: deque([], -1))
t('maxlen float', lambda: deque([], 1.5))
t('not iterable', lambda: deque(1))
t('pop empty', lambda: deque().pop())
t('popleft empty', lambda: deque().popleft())
t('index str', lambda: deque([1])['a'])
t('slice', lambda: deque([1])[1:2])
t('out of range', lambda: deque([1])[5])
t('neg out of range', lambda: deque([1])[-2])
t('index missing', lambda: deque([1]).index(2))
t('remove missing', lambda: deque([1]).remove(2))
t('insert full', lambda: deque([1], 1).insert(0, 2))
t('add list', lambda: deque([1]) + [2])
t('mul str', lambda: deque([1]) * 'a')
t('hashable', lambda: deque.__hash__ is None)
t('repr maxlen', lambda: deque([1, 2], maxlen=3))
t('kw', lambda: deque(maxlen=None, iterable=[1]))
t('rotate str', lambda: deque([1]).rotate('a'))
t('3 args', lambda: deque([1], 2, 3))
t('maxlen none', lambda: deque([1]).maxlen)
t('maxlen 5', lambda: deque([1], 5).maxlen)


def mutate_iter():
    d = deque([1, 2, 3])
    for x in d:
        d.append(4)


t('mutate iter', mutate_iter)


class Clears:
    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        self.d.clear()
        return False


def mutate_index():
    d = deque([1, 2, 3])
    return d.index(Clears(d))


def mutate_remove():
    d = deque([1, 2, 3])
    return d.remove(Clears(d))


def mutate_count():
    d = deque([1, 2, 3])
    return d.count(Clears(d))


t('mutate index', mutate_index)
t('mutate remove', mutate_remove)
t('mutate count', mutate_count)
t('alias', lambda: deque[int])
d = deque([1])
d.append(d)
t('recursive repr', lambda: repr(d))


class D(deque):
    pass


t('subclass', lambda: D([1], 3))
t('subclass copy', lambda: D([1, 2], 3).copy())
t('subclass add', lambda: D([1]) + deque([2]))
t('neg index', lambda: deque([1, 2, 3, 4, 5])[-1])
t('reversed', lambda: list(reversed(deque([1, 2, 3]))))
t('mul', lambda: deque([1, 2]) * 3)
t('rmul maxlen', lambda: 2 * deque([1, 2], 3))
t('mul maxlen big', lambda: deque([1, 2, 3], 4) * 1000000001)
t('mul zero', lambda: deque([1, 2]) * 0)
t('delitem', lambda: deque([1]).__delitem__(3))
t('index start str', lambda: deque([1]).index(1, 'a'))
t('hint', lambda: iter(deque([1, 2])).__length_hint__())
t('type iter', lambda: type(iter(deque())).__name__)
t('type rev iter', lambda: type(reversed(deque())).__name__)

# Ends, with and without maxlen.
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
print(d, len(d))
d.appendleft(-1)
print(d)
d.extendleft([10, 11])
print(d)
d = deque(range(10))
print(d.pop(), d.popleft(), d)
d.extend(d)
print(d)
d.rotate(3)
print(d)
d.rotate(-5)
print(d)
d.reverse()
print(d)
print(d.count(5), d.index(5), d.index(5, 5), 5 in d, 99 in d)
d.insert(2, 'x')
d.insert(-1, 'y')
d.insert(100, 'z')
d.insert(-100, 'w')
print(d)
del d[3]
del d[-2]
d[0] = 'first'
print(d, d[0], d[-1])
d.remove('y')
print(d)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 3]), deque([1]) < deque([1, 2]),
      deque([2]) > deque([1, 5]), deque([1, 2]) <= deque([1, 2]), deque() >= deque())
print(deque([1, 2]) == [1, 2])
d.clear()
print(d, bool(d), len(d))

# Large churn: the buffer grows and shrinks.
d = deque()
for i in range(100000):
    d.append(i)
for i in range(99990):
    d.popleft()
print(list(d))
d = deque()
for i in range(1000):
    d.appendleft(i)
    if i % 3 == 0:
        d.pop()
print(len(d), d[0], d[-1], sum(d))

# remove() from the front many times (asyncio waiters) and from the middle.
d = deque(range(20000))
for i in range(20000):
    d.remove(i)
print(len(d))
d = deque(range(10))
d.remove(5)
d.remove(2)
d.remove(8)
print(d)
d = deque(range(10), maxlen=10)
d.rotate(4)
print(d)
d.rotate(-7)
print(d)
import copy
print(copy.copy(deque([1, [2]], 5)), copy.deepcopy(deque([1, [2]])))
print(deque('abc'), deque(iter(range(3))), deque({1: 2}))
x = deque([1, 2, 3])
x *= 2
print(x)
x += 'ab'
print(x)
