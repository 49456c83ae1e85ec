matrix = [[1, -2, 3], [-4, 5, -6]]
print([[abs(v) for v in row] for row in matrix])
print([v for row in matrix for v in row if v > 0])
print({i: [j for j in range(i)] for i in range(4)})
print(sorted({v % 3 for row in matrix for v in row}))
print([(i, c) for i, c in enumerate("abc") if i != 1])
print([x for x in [y * 2 for y in range(5)] if x > 2])
