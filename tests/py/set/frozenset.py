f = frozenset([1, 2, 3])
print(sorted(f), len(f), 2 in f, type(f).__name__)
print(sorted(f | {4}), type(f | {4}).__name__, type({4} | f).__name__)
d = {f: "frozen"}
print(d[frozenset([3, 2, 1])])
print(hash(frozenset()) == hash(frozenset()), frozenset("aab") == {"a", "b"})
try:
    f.add(4)
except AttributeError as e:
    print(e)
s = {frozenset([1]), frozenset([1])}
print(len(s))
