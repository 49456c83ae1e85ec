items = [3, 2, 0, 1]
inverse = lambda x: 10 / x
print([inverse(i) for i in items])
