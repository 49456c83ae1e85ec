print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(3)] for i in range(3)])
print([c for c in "Hello World" if c.isupper()])
print([x if x > 0 else -x for x in [-2, -1, 0, 1]])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix])
print([list(col) for col in zip(*matrix)])
