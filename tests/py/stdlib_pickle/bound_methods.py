# Bound methods and builtin functions pickle as CPython's do: a method as
# (getattr, (instance, name)), a module's builtin function by its name.
import os
import pickle


class Counter:
    def __init__(self, start):
        self.n = start

    def bump(self, by=1):
        self.n += by
        return self.n

    @classmethod
    def make(cls, start):
        return cls(start)


c = Counter(5)
print(c.bump.__reduce__()[0] is getattr, c.bump.__reduce__()[1][1])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    bump = pickle.loads(pickle.dumps(c.bump, proto))
    make = pickle.loads(pickle.dumps(Counter.make, proto))
    print(proto, bump(), c.n, make(3).n, pickle.loads(pickle.dumps(len, proto))('abc'),
          pickle.loads(pickle.dumps([1, 2].index, proto))(2),
          pickle.loads(pickle.dumps(os.getcwd, proto)) is os.getcwd)
print(len.__reduce__(), os.getcwd.__reduce__(), [].append.__reduce__()[1][1])
print({}.get.__reduce__()[0] is getattr, type({}.get.__reduce__()[1][0]).__name__)
