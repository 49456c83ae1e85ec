# Sequence patterns: lists, tuples, open tuples, stars anywhere, what counts
# as a sequence (not str/bytes/bytearray/dict), nesting.
import collections


def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [x, y]:
            return f"two {x!r} {y!r}"
        case [1, *middle, 9]:
            return f"1..9 middle={middle}"
        case [*head, "end"]:
            return f"ends head={head}"
        case ["start", *tail]:
            return f"starts tail={tail}"
        case [_, _, *_]:
            return "three or more"
    return "no match"


for v in [[], (), [1], (2,), [1, 2], (1, 2), [1, 5, 6, 9], [1, 9], ["a", "b", "end"],
          ("start", 1, 2), [0, 0, 0, 0], "ab", b"ab", bytearray(b"ab"), {1: 2},
          range(2), range(5), collections.deque([1, 2]), iter([1, 2]), 5,
          {"a", "b"}]:
    print(repr(v) if not isinstance(v, (set, type(iter([])))) else type(v).__name__,
          "->", seq(v))

# The star captures a list, whatever the subject was.
match (1, 2, 3):
    case (a, *rest):
        print(a, rest, type(rest).__name__)

match range(10):
    case [first, *_, last]:
        print("range ends", first, last)

# Open tuple patterns at the top level.
match 1, 2:
    case a, b:
        print("open", a, b)

match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]]:
        print("nested", a + b + c + d)

match [1, (2, 3)]:
    case [x, (y, z) as inner]:
        print("as inner", x, y, z, inner)

# Star wildcard in the middle uses indexing.
class Seq(collections.UserList if hasattr(collections, "UserList") else list):
    pass


match [10, 20, 30, 40, 50]:
    case [a, b, *_, y, z]:
        print("ends", a, b, y, z)

# Parenthesised and bracketed forms with trailing commas.
match (5,):
    case (x,):
        print("single tuple", x)
match [5, 6]:
    case [x, y,]:
        print("trailing comma", x, y)
match []:
    case ():
        print("() matches []")

# Subclasses of list and tuple are sequences.
class L(list):
    pass


match L([1, 2]):
    case [a, b]:
        print("list subclass", a, b)
