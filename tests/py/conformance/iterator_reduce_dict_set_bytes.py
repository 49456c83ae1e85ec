# Pickling iterators over dicts, sets, bytes and reversed(): the copy
# resumes where the original was, and the original does not move.
import pickle

d = {"a": 1, "b": 2, "c": 3}
makers = [
    lambda: iter(d), lambda: iter(d.values()), lambda: iter(d.items()),
    lambda: reversed(d), lambda: reversed(d.values()), lambda: reversed(d.items()),
    lambda: iter({10}), lambda: iter(frozenset([7])),
    lambda: iter(b"xyz"), lambda: iter(bytearray(b"pq")),
    lambda: reversed("abc"), lambda: reversed((1, 2, 3)), lambda: reversed(b"hi"),
]
for make in makers:
    it = make()
    first = next(it)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(it, proto))
        assert type(copy) is type(it) or type(it).__name__.startswith(("dict", "set")), type(copy)
    print(type(it).__name__, first, list(copy), list(it))
    # Exhausted iterators pickle too, as empty ones.
    print(list(pickle.loads(pickle.dumps(it))))

r = reversed("abcd")
print(r.__reduce__()[1:], r.__length_hint__())
r.__setstate__(1)
print(list(r))
r = reversed([1, 2, 3])
r2 = reversed("xyz")
r2.__setstate__(99)
print(list(r2))
b = iter(b"abcdef")
b.__setstate__(4)
print(list(b), b.__length_hint__())
