# Pickling enumerate, iter(callable, sentinel) and the iterator over a
# __getitem__ sequence, fresh, part-way and exhausted.
import pickle


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


def roundtrip(it):
    return list(pickle.loads(pickle.dumps(it)))


e = enumerate("abc", 5)
next(e)
print(type(e.__reduce__()[0]).__name__, roundtrip(e), list(e))
print(roundtrip(enumerate("x", 2 ** 70)))

numbers = [1, 2, 3, 4]
c = iter(numbers.pop, 1)
print(next(c), roundtrip(c), numbers)
list(c)
print(c.__reduce__()[1], roundtrip(c))

s = iter(Squares())
next(s)
print(s.__reduce__()[2], roundtrip(s))
s.__setstate__(-42)
print(list(s), s.__reduce__()[1], roundtrip(s))
s = iter(Squares())
s.__setstate__(3)
print(list(s))
