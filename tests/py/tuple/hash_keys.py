d = {(1, 2): "a", (3,): "b"}
print(d[(1, 2)], d[3,])
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()))
s = {(1, 2), (1, 2), (2, 1)}
print(len(s))
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
print(hash((1, 2, 3)), hash(()), hash((1,)))
