# Dunders reached from C (operators, comparisons, hash, __del__) take a
# short road when they are plain Python functions; int comparisons where
# one side is big skip the generic dispatch. Each road must answer as the
# long one does.

import gc


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __sub__(self, other, extra=0):
        return Money(self.cents - other.cents - extra)

    def __lt__(self, other):
        if isinstance(other, Money):
            return self.cents < other.cents
        return NotImplemented

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __hash__(self):
        return hash(self.cents)

    def __repr__(self):
        return "Money(%d)" % self.cents


a, b = Money(150), Money(275)
print(a + b, b - a, sum([a, b]), a < b, b < a, a == Money(150), a != b)
print(sorted([b, a, Money(5)]), {a: 1}[Money(150)], hash(a) == hash(150))
try:
    a + 1
except TypeError as e:
    print("TypeError", e)
try:
    a < 1
except TypeError as e:
    print("TypeError", e)


class Raises:
    def __add__(self, other):
        raise ValueError("no adding")


try:
    Raises() + 1
except ValueError as e:
    print("ValueError", e)


class Noisy:
    def __del__(self):
        print("del", type(self).__name__)


n = Noisy()
n.me = n
del n
gc.collect()

# A dunder defined in a namespace with its own builtins sees them, and
# their current contents, whoever calls it.
import builtins

own = dict(vars(builtins), len=lambda x: 42)
space = {"__builtins__": own}
exec("class Sized:\n    def __add__(self, other):\n        return len(other)\n", space)
print(space["Sized"]() + [1, 2])
own["len"] = lambda x: 7
print(space["Sized"]() + [1, 2])

big = 1 << 70
for x, y in [(1, big), (big, 1), (-big, 1), (1, -big), (big, big), (-big, -big), (big, big + 1),
             (0, big), (-1, -big)]:
    print(x < y, x <= y, x == y, x != y, x > y, x >= y)


class Int(int):
    def __lt__(self, other):
        return "subclass"


print(Int(1) < big, True < big, big > True, (big == big * 1), big == float(big))
