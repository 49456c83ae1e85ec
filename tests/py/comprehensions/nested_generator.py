words = ["alpha", "beta", "gamma"]
print(sum(len(w) for w in words))
print(sorted((len(w), w) for w in words))
print(dict((w[0], w) for w in words))
print(set(c for w in words for c in w) == set("alphbetgm"))
print(list(x for x in range(10) if x % 2 if x % 3))
