l = [1, 2, 3]
l2 = [x * 2 for x in l]
l.append(4)
print(l, l2)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
flat = [v for row in grid for v in row]
print(flat, len(flat))
