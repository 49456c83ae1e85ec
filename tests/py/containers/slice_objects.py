# slice objects
s = slice(1, 10, 2)
print(s, slice(5), slice(None, None, -1), s.start, s.stop, s.step)
print(s.indices(5), slice(None, None, -1).indices(5), slice(-3, None).indices(10), slice(0, 100).indices(3))
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(1) == slice(None, 1))
print("abcdef"[slice(1, 4)], [0, 1, 2, 3][slice(None, None, 2)], (1, 2, 3)[slice(-2, None)])
for bad in ("slice(1, 2, 0).indices(3)", "slice(1).indices(-1)", "hash(slice(1))",
            "slice(1, 2, 3, 4)", "slice()", "slice('a').indices(3)", "[1, 2][::0]"):
    try:
        eval(bad)
    except Exception as e:
        print(bad, "->", type(e).__name__, e)
