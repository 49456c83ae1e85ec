# Sequences the VM fuses into one instruction (LOAD_FAST followed by a
# constant or another local and an operator, a compare-and-branch, a store
# or a return) must behave exactly like the separate instructions: on small
# ints, at the small-int limits (where results become big ints), on other
# types, with operator overloading, and when a local is unbound.
import sys


def count_down(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    return steps


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def bump(x):
    y = x + 1
    z = x - 1
    x += 1
    return x, y, z


def compare_locals(a, b):
    out = []
    if a < b:
        out.append('lt')
    if a <= b:
        out.append('le')
    if a == b:
        out.append('eq')
    if a != b:
        out.append('ne')
    if a > b:
        out.append('gt')
    if a >= b:
        out.append('ge')
    return out


def compare_const(a):
    out = []
    for label, hit in (('<3', a < 3), ('>=3', a >= 3)):
        if hit:
            out.append(label)
    if not a > 3:
        out.append('not>3')
    return out


class Counter:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Counter(self.v + other * 10)

    def __sub__(self, other):
        return Counter(self.v - other * 10)

    def __iadd__(self, other):
        self.v += other * 100
        return self

    def __lt__(self, other):
        print('Counter.__lt__', other)
        return self.v < other

    def __repr__(self):
        return 'Counter(%d)' % self.v


print(count_down(10), count_down(0), count_down(-5))
print([fib(i) for i in range(15)])
print(bump(5), bump(-1), bump(2.5))
big = sys.maxsize
print(bump(big), bump(-big - 1))
print(bump(2 ** 62 - 1), bump(-2 ** 62), bump(2 ** 100))
print(bump(True))
r = bump(Counter(1))
print(r[0].v, r[1], r[2])
for a, b in ((1, 2), (2, 2), (3, 2), (1.5, 2), (2, 1.5), ('a', 'b'), (2 ** 70, 2 ** 70 + 1),
             (-2 ** 62, 2 ** 62 - 1)):
    print(a, b, compare_locals(a, b))
for a in (2, 3, 4, 2.5, 3.0, True, 2 ** 64, Counter(2)):
    print(a, compare_const(a))


def unbound_in_sum():
    if False:
        x = 1
    return x + 1


def unbound_in_compare():
    if False:
        x = 1
    if x < 2:
        return 'small'


def unbound_return():
    if False:
        x = 1
    return x


def unbound_second(a):
    if False:
        b = 1
    if a < b:
        return 'never'


for f in (unbound_in_sum, unbound_in_compare, unbound_return):
    try:
        f()
    except UnboundLocalError as e:
        print(type(e).__name__, e)
try:
    unbound_second(1)
except UnboundLocalError as e:
    print(type(e).__name__, e)

try:
    bump('s')
except TypeError as e:
    print(type(e).__name__, e)


def loop_sum(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return total


print(loop_sum(100), loop_sum(0))
print(loop_sum(2.5))
