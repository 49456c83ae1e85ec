print({1}, {"a"}, frozenset({5}), set(), frozenset())
print(repr({(1, 2)}))
try:
    {[1]}
except TypeError as e:
    print(e)
try:
    set().pop()
except KeyError as e:
    print(repr(e))
try:
    {1} + {2}
except TypeError as e:
    print(e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(e)
