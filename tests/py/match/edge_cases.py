# Edge cases: reordered or-captures, scopes (class body, global,
# nonlocal, generators), exceptions raised while matching, user-defined
# __eq__, big matches.


def reorder(v):
    match v:
        case (a, b, c, 0) | (c, a, b, 1) | (b, c, a, 2):
            return a, b, c
        case [x, [y, z]] | [[z, y], x]:
            return x, y, z
    return None


for v in [(1, 2, 3, 0), (1, 2, 3, 1), (1, 2, 3, 2), [1, [2, 3]], [[3, 2], 1]]:
    print(v, reorder(v))


class Config:
    match {"debug": True, "level": 3}:
        case {"debug": debug, "level": level}:
            pass
    summary = f"{debug}/{level}"


print(Config.debug, Config.level, Config.summary)

counter = 0


def bump(v):
    global counter
    match v:
        case [counter]:
            pass
    return counter


print(bump([41]), counter)


def outer():
    hits = 0

    def inner(v):
        nonlocal hits
        match v:
            case int(hits):
                pass
        return hits

    inner(3)
    return hits


print("nonlocal", outer())


def gen(items):
    for item in items:
        match item:
            case {"yield": value}:
                yield value
            case [*values]:
                yield from values


print(list(gen([{"yield": 1}, [2, 3], {"no": 4}, (5,)])))


class Weird:
    def __eq__(self, other):
        print("Weird.__eq__ called with", other)
        return other == 7


match 7:
    case Weird.__eq__:
        print("no")
    case _:
        pass

W = Weird()


class Holder:
    w = W


match 7:
    case Holder.w:
        print("matched through user __eq__")


class BadEq:
    def __eq__(self, other):
        raise RuntimeError("eq failed")


class Holder2:
    b = BadEq()


try:
    match 1:
        case Holder2.b:
            pass
except RuntimeError as e:
    print("RuntimeError", e)


class BadLen(list):
    def __len__(self):
        raise ValueError("no len")


try:
    match BadLen([1]):
        case [x]:
            print("no")
except ValueError as e:
    print("ValueError", e)


def bad_guard():
    match [1]:
        case [x] if 1 / 0:
            pass


try:
    bad_guard()
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


class Prop:
    __match_args__ = ("value",)

    @property
    def value(self):
        raise KeyError("boom")


try:
    match Prop():
        case Prop(v):
            pass
except KeyError as e:
    print("KeyError", e)


class AttrErr:
    __match_args__ = ("value",)

    @property
    def value(self):
        raise AttributeError("hidden")


match AttrErr():
    case AttrErr(v):
        print("no")
    case _:
        print("AttributeError from a property means no match")


def classify(n):
    match n % 15, n % 5, n % 3:
        case 0, _, _:
            return "FizzBuzz"
        case _, 0, _:
            return "Buzz"
        case _, _, 0:
            return "Fizz"
        case _:
            return str(n)


print(" ".join(classify(i) for i in range(1, 31)))
total = 0
for i in range(20000):
    match [i, i % 7]:
        case [n, 0]:
            total += n
        case [n, 1 | 2 | 3]:
            total -= 1
        case _:
            pass
print("loop total", total)

# Deeply nested alternatives and as-patterns.
match {"a": [1, {"b": (2, 3)}]}:
    case {"a": [1 | 2 as first, {"b": (2 | 3 as second, *more) as pair}]}:
        print(first, second, more, pair)
