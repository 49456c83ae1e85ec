print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]))
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, -1]))
def noisy(v):
    print("check", v)
    return v
print(any(noisy(v) for v in [0, 1, 2]))
print(all(noisy(v) for v in [1, 0, 2]))
