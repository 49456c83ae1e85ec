print(hash(0), hash(1), hash(-1), hash(-2), hash(2 ** 62), hash(True), hash(False))
print(hash(1.0), hash(0.5), hash(-0.5), hash(1e20), hash(float("inf")))
print(hash(()) == hash(()), hash((1, "a")) == hash((1, "a")))
print(hash(None) == hash(None), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
try:
    hash([])
except TypeError as e:
    print(e)
try:
    hash({})
except TypeError as e:
    print(e)
