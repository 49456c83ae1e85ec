l = [5, 2, 8, 1, 9, 3]
l.sort()
print(l)
l.sort(reverse=True)
print(l)
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
stable = [(1, 'first'), (0, 'x'), (1, 'second'), (0, 'y')]
print(sorted(stable, key=lambda p: p[0]))
try:
    [1, "a"].sort()
except TypeError as e:
    print(e)
