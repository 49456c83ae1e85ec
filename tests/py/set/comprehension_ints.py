evens = {x for x in range(20) if x % 2 == 0}
print(sorted(evens))
print({x % 3 for x in range(10)} == {0, 1, 2})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print(sorted({w[0] for w in words}))
print(sorted({len(w) for w in words}, reverse=True))
print({1, 2, 3} == set(range(1, 4)))
