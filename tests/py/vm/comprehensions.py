print([x * y for x in range(3) for y in range(3) if x != y])
print({x: x ** 2 for x in range(5) if x % 2 == 0})
print(sorted({c for c in "mississippi"}))
print(list(zip(*[(1, 'a'), (2, 'b')])))
x = 10
print([x for x in range(3)], x)
print([(i, j) for i in range(3) for j in range(i)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print(sum(i for i in range(101)))
print([y := 5, y ** 2])
print([last := n for n in range(4)], last)
def in_func():
    k = 3
    return [k * i for i in range(k)]
print(in_func())
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
print(any(n > 3 for n in range(5)), all(n < 3 for n in range(5)))
