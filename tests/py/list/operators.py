a = [1, 2]
b = [3]
print(a + b, a * 3, [0] * 0, [[]] * 2)
print(a == [1, 2], a != b, a < [1, 3], [1, 2, 3] > [1, 2], [] < [0])
print(2 in a, 5 not in a, [1, 2] in [[1, 2]])
nested = [[0] * 2] * 2
nested[0][0] = 1
print(nested)
c = a
c += [4]
print(a, a is c)
print(list(), list((1, 2)), list("ab"), list(range(3)), list({1: 2}))
