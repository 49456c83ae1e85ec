def f(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1+2j:
            return "complex"
        case "s" | "t":
            return "str"
        case None:
            return "none"
        case True:
            return "true"
        case [a, b]:
            return f"pair {a} {b}"
        case [a, *rest, z]:
            return f"first {a} rest {rest} last {z}"
        case {"k": v, **others}:
            return f"map {v} {others}"
        case (1, _, *_) :
            return "one-tuple"
        case int(n) if n > 100:
            return f"big {n}"
        case str() as s:
            return f"other str {s!r}"
        case _:
            return "default"

for v in [0, -1, 1+2j, "s", "t", None, True, [1, 2], (3, 4), [1, 2, 3, 4], {"k": 1, "j": 2}, (1, 9, 9), 500, 5, "zz", "ab"]:
    print(repr(v), "->", f(v))
match = 3
print(match)
def match(x): return x*2
print(match(4))
