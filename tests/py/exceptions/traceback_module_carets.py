# traceback's formatting functions draw the caret lines the interpreter's
# own printer draws: ^ under the failing range, ~ under operands.
import sys
import traceback


class Box:
    def __init__(self):
        self.items = {"a": [1, 2]}


def subscript(d):
    return d["missing"] + 1


def binary(a, b):
    return a + b * 2


def method_call(box):
    return box.items.nothing()


def nested(box):
    value = len(box.items["a"]) + box.items["a"][5]
    return value


def whole_line():
    raise ValueError("whole")


def multi_line(x):
    return (x +
            undefined_name)


def call_inner():
    return binary("s", 1)


cases = [
    (subscript, ({},)),
    (binary, (1, "x")),
    (method_call, (Box(),)),
    (nested, (Box(),)),
    (whole_line, ()),
    (multi_line, (1,)),
    (call_inner, ()),
]
for func, args in cases:
    try:
        func(*args)
    except Exception as exc:
        print("--- format_exc")
        print(traceback.format_exc(), end="")
        print("--- format_tb")
        print("".join(traceback.format_tb(exc.__traceback__)), end="")
        entry = traceback.extract_tb(exc.__traceback__)[-1]
        print("last entry:", entry.lineno, entry.end_lineno, entry.colno, entry.end_colno)
        print("--- TracebackException")
        print("".join(traceback.TracebackException.from_exception(exc).format()), end="")

# The stack (not a traceback) has no ranges and no carets.
def show_stack():
    print("".join(traceback.format_stack(limit=1)), end="")
    print(traceback.extract_stack(limit=1)[-1].colno)


show_stack()

# Chained exceptions keep their own carets.
try:
    try:
        {}["k"]
    except KeyError:
        1 / 0
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
