cases = [
    lambda: undefined_thing,
    lambda: [1, 2][5],
    lambda: (1,)[9],
    lambda: {"a": 1}["b"],
    lambda: None.attr,
    lambda: len(5),
    lambda: 1 + [],
    lambda: [] - [],
    lambda: -"x",
    lambda: int(None),
    lambda: float([]),
    lambda: "abc".nope(),
    lambda: sum(["a"]),
    lambda: sorted([1, None]),
    lambda: {}[[]],
    lambda: object().x,
    lambda: abs("s"),
    lambda: next(iter([])),
    lambda: "x" < 1,
    lambda: [1] * 1.5,
    lambda: print(sep=5),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__ + ":", e)
