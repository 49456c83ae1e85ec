# traceback's formatting functions draw the caret lines the interpreter's
# own printer draws: ^ under the failing range, ~ under operands.
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def show(text):
    """Prints [text] with this directory left out of file names."""
    print(text.replace(HERE, ""), end="")


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
        show(traceback.format_exc())
        print("--- format_tb")
        show("".join(traceback.format_tb(exc.__traceback__)))
        entry = traceback.extract_tb(exc.__traceback__)[-1]
        print("last entry:", entry.lineno, entry.end_lineno, entry.colno, entry.end_colno)
        print("--- TracebackException")
        show("".join(traceback.TracebackException.from_exception(exc).format()))

# The stack (not a traceback) has no ranges and no carets.
def show_stack():
    show("".join(traceback.format_stack(limit=1)))
    print(traceback.extract_stack(limit=1)[-1].colno)


show_stack()

# Chained exceptions keep their own carets.
try:
    try:
        {}["k"]
    except KeyError:
        1 / 0
except ZeroDivisionError:
    show(traceback.format_exc())
