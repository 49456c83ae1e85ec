# copy.copy() and pickle of itertools.count and repeat continue from where
# the iterator is now (a count used to restart at 0, silently).
import copy
import itertools
import pickle

c = itertools.count(3)
next(c)
print(c.__reduce__()[1], copy.copy(c), next(copy.deepcopy(c)), next(c))
for made in (itertools.count(5, 2), itertools.count(1.5, 0.5), itertools.count(2 ** 70),
             itertools.count(10, -1), itertools.count(True), itertools.count(0, 1.0)):
    next(made)
    twin = pickle.loads(pickle.dumps(made))
    print(made.__reduce__()[1], twin, [next(twin) for _ in range(2)], next(made))
big = itertools.count((1 << 62) - 1)
next(big)
print(big.__reduce__()[1], next(copy.copy(big)))
r = itertools.repeat("a", 3)
next(r)
print(r.__reduce__()[1], list(copy.copy(r)), list(r))
forever = itertools.repeat([1])
print(forever.__reduce__()[1], next(pickle.loads(pickle.dumps(forever))))
print(itertools.repeat(0, -5).__reduce__()[1])
