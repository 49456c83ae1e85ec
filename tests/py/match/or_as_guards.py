# Or-patterns with captures (in any order), as-patterns, guards and their
# evaluation order, bindings left by a failed guard, fall-through, match as
# a soft keyword.


def orp(v):
    match v:
        case [x, 1] | [1, x]:
            return f"x={x}"
        case (a, b, "ab") | (b, a, "ba"):
            return f"a={a} b={b}"
        case {"p": p, "q": q} | [q, p]:
            return f"p={p} q={q}"
        case 1 | 2 | 3 as small:
            return f"small {small}"
        case (int() | float()) as num:
            return f"number {num}"
    return "none"


for v in [[5, 1], [1, 6], (1, 2, "ab"), (1, 2, "ba"), {"p": 1, "q": 2}, [3, 4], 2, 2.5, "s"]:
    print(repr(v), orp(v))

log = []


def g(name, result):
    log.append(name)
    return result


def guards(v):
    log.clear()
    match v:
        case [x] if g("first", x > 10):
            r = "big"
        case [x] if g("second", x > 5):
            r = "medium"
        case [x]:
            r = "small"
        case _ if g("default", True):
            r = "default"
    return r, list(log)


for v in [[20], [7], [1], 3]:
    print(guards(v))

# A guard failure leaves the captured names bound.
y = "unbound"
match [1, 2]:
    case [y, z] if False:
        pass
    case _:
        pass
print("after failed guard:", y, z)

# A failed pattern binds nothing.
q = "kept"
match [1, 2, 3]:
    case [q, 2]:
        pass
    case _:
        pass
print("after failed pattern:", q)

# No case matches: nothing happens.
match 99:
    case 1:
        print("no")
print("fell through")

# Walrus in a guard.
match [3, 4]:
    case [a, b] if (total := a + b) > 5:
        print("total", total)

# Soft keywords stay names.
match = {"case": 1}
case = match["case"]
print(match, case)
_ = 5
print(_)


class Obj:
    match = "m"
    case = "c"


print(Obj.match, Obj.case)
match (1):
    case 1:
        print("parenthesised subject")
match -1,:
    case (-1,):
        print("tuple subject with trailing comma")

# Match inside functions, closures and loops.
def outer(items):
    found = []
    for it in items:
        match it:
            case ("add", n):
                found.append(n)
            case ("stop",):
                break
            case _:
                continue
    return found


print(outer([("add", 1), ("noop",), ("add", 2), ("stop",), ("add", 3)]))


def closure():
    match [1, 2]:
        case [a, b]:
            return lambda: a + b


print(closure()())

# Value patterns compare with ==, singletons with is.
match 1.0:
    case 1:
        print("1.0 == 1")
match 0:
    case False:
        print("no")
    case _:
        print("0 is not False")
import math
match math.pi:
    case math.pi:
        print("dotted value pattern")
