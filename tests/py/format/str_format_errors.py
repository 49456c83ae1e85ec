cases = [
    lambda: "{} {}".format(1),
    lambda: "{0} {}".format(1, 2),
    lambda: "{x}".format(y=1),
    lambda: "{".format(),
    lambda: "}".format(),
    lambda: "{:d}".format("a"),
    lambda: "{0[5]}".format([1]),
]
for c in cases:
    try:
        print(c())
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
