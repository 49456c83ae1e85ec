a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *middle, last = "abcdef"
print(first, middle, last)
*init, tail = [1]
print(init, tail)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
tests = ["a, b = [1]", "a, b = [1, 2, 3]", "a, *b, c = [1]", "a, b = 5", "a, b = {'k': 1}"]
for t in tests:
    try:
        exec(t)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
d = {}
d["x"], d["y"] = 1, 2
print(d)
lst = [0, 0, 0]
lst[0], lst[2] = 5, 6
print(lst)
