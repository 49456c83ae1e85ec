# list.sort notices a list changed by a comparison even when the change
# was undone (append then pop), and ignores changes that touch nothing.
from functools import cmp_to_key

mutations = [
    "L.append(3); L.pop()",
    "L.append(3); del L[:]",
    "L.insert(0, 9); L.remove(9)",
    "L.clear()",
    "L.extend([]); L += []",
    "L[:] = []",
    "pass",
]
for mutation in mutations:
    L = [3, 1, 2]

    def compare(x, y):
        exec(mutation)
        return (x > y) - (x < y)

    try:
        L.sort(key=cmp_to_key(compare))
        print(mutation, "->", L)
    except ValueError as e:
        print(mutation, "->", e, L)


class Noisy:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        if M:
            M.pop()
        else:
            M.append(Noisy(0))
        return self.v < other.v


M = [Noisy(i) for i in (5, 3, 8, 1)]
try:
    M.sort()
except ValueError as e:
    print("ValueError", e, sorted(n.v for n in M))
