# Iterators over ranges whose bounds pass the machine word pickle and
# restore their position, and take __setstate__ like small ones.
import pickle

bounds = [(2 ** 63 - 3, 2 ** 63 - 1), (2 ** 65, 2 ** 65 + 4), (-2 ** 63 + 1, -2 ** 63 - 3, -2),
          (1, 2, 2 ** 63 - 1), (0, 2 ** 70, 2 ** 68)]
for t in bounds:
    r = range(*t)
    for skip in range(3):
        it = iter(r)
        for _ in range(skip):
            next(it, None)
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            copy = pickle.loads(pickle.dumps(it, proto))
            assert list(copy) == list(r)[skip:], (t, skip, proto)
        print(t, skip, it.__length_hint__(), list(it)[:2])

it = iter(range(2 ** 64, 2 ** 64 + 10))
next(it)
next(it)
it.__setstate__(1)
print(list(it)[:2])
it.__setstate__(-3)
print(list(it)[:1])
it = iter(range(2 ** 64, 2 ** 64 + 3))
it.__setstate__(99)
print(list(it), it.__length_hint__())
