# How groups print: the boxes, nesting, notes, chains inside members, the
# cap on members shown, and a merged group without a traceback.
import sys


def show(fn):
    try:
        fn()
    except BaseException as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
        sys.stderr.write("=====\n")


def leaf(n):
    raise ValueError(n)


def flat():
    raise ExceptionGroup("flat", [ValueError(1), TypeError("two")])


def nested():
    raise ExceptionGroup("outer", [
        ValueError(1),
        ExceptionGroup("inner", [KeyError("k"), ExceptionGroup("deepest", [OSError(4)])]),
    ])


def with_tracebacks():
    excs = []
    for i in range(2):
        try:
            leaf(i)
        except ValueError as e:
            excs.append(e)
    eg = ExceptionGroup("raised members", excs)
    eg.add_note("group note")
    excs[1].add_note("member note\nover two lines")
    raise eg


def many():
    raise ExceptionGroup("many", [IndexError(i) for i in range(18)])


def chained_member():
    try:
        try:
            raise KeyError("first")
        except KeyError:
            raise RuntimeError("second")
    except RuntimeError as e:
        raise ExceptionGroup("chained", [e, ValueError("plain")])


def group_as_cause():
    try:
        raise ExceptionGroup("cause", [ValueError(1)])
    except ExceptionGroup as e:
        raise TypeError("outer") from e


def merged():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from handler")


def base_group():
    raise BaseExceptionGroup("base", [KeyboardInterrupt(), SystemExit(3)])


for fn in [flat, nested, with_tracebacks, many, chained_member, group_as_cause, merged,
           base_group]:
    show(fn)

print("done")
