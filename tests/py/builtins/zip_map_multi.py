print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(zip("abc", range(10), [True, False, None])))
print(list(map(max, [1, 5], [4, 2], [3, 3])))
a = [1, 2, 3]
print(list(zip(a, a[1:], a[2:])))
print(dict(map(lambda kv: (kv[1], kv[0]), {"x": 1}.items())))
print(list(zip(*zip("ab", "cd"))))
