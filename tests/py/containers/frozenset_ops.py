# frozenset: hashing, mixing with set, sets of sets
f = frozenset([1, 2, 3])
print(f, frozenset(), repr(frozenset([5])), len(f), 2 in f)
print(hash(frozenset()), hash(f), hash(frozenset([3, 2, 1])) == hash(f))
print(f | {4}, {4} | f, f & {1}, f - {1}, f ^ {1, 9}, type(f | {4}).__name__, type({4} | f).__name__)
print(f == {1, 2, 3}, {1, 2, 3} == f, f.issubset({1, 2, 3, 4}), f.copy() is f)
s = {frozenset([1]), frozenset([1]), frozenset()}
print(len(s), frozenset([1]) in s, {1} in s)
s.remove({1})
print(s)
d = {f: "frozen"}
print(d[frozenset([3, 1, 2])])
print(frozenset(f) is f, frozenset(range(5)))
class FS(frozenset):
    pass
x = FS([1, 2])
print(x, type(x).__name__, type(x | {3}).__name__)
try:
    f.add(1)
except AttributeError as e:
    print(e)
