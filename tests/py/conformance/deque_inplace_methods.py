# deque has __iadd__ and __imul__ as methods (not only as operators), and
# repeating an empty deque in place changes nothing, so its iterators stay
# valid; a deque that really changes invalidates them.
from collections import deque

d = deque([1, 2])
print(d.__iadd__("ab") is d, d)
print(d.__imul__(2) is d, d)
print(hasattr(deque, "__iadd__"), hasattr(deque, "__imul__"))
for count in (-1, 0, 1, 2):
    for start in ([], [1]):
        d = deque(start)
        it = iter(d)
        d *= count
        try:
            print(count, start, list(it), d)
        except RuntimeError as exc:
            print(count, start, "RuntimeError:", exc)
bounded = deque("xy", maxlen=3)
bounded *= 2
print(bounded)
