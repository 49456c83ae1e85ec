# except*: matching by type and tuple, the `as` binding, the unhandled rest
# and naked exceptions.
import sys


def run(label, fn):
    try:
        fn()
        print(label, "-> nothing propagated")
    except BaseException as e:
        print(label, "-> propagated", repr(e))


def by_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("  ValueError part:", repr(e), type(e).__name__)
    except* TypeError as e:
        print("  TypeError part:", repr(e))


def by_tuple():
    try:
        raise ExceptionGroup("eg", [KeyError("k"), IndexError(5), OSError("o")])
    except* (KeyError, IndexError) as e:
        print("  lookup part:", repr(e))


def rest_propagates():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ZeroDivisionError(2)])
    except* ValueError:
        print("  handled ValueError")


def naked():
    try:
        raise ValueError("alone")
    except* ValueError as e:
        print("  naked wrapped:", repr(e), repr(e.exceptions[0]))
        print("  exc_info is the group:", sys.exc_info()[1] is e)


def naked_unmatched():
    try:
        raise KeyError("unmatched")
    except* ValueError:
        print("  not here")


def nested_groups():
    try:
        raise ExceptionGroup("outer", [
            ValueError(1),
            ExceptionGroup("inner", [TypeError(2), ValueError(3)]),
        ])
    except* ValueError as e:
        print("  values:", repr(e))
    except* TypeError as e:
        print("  types:", repr(e))


def each_clause_once():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as e:
        print("  first clause:", repr(e))
    except* Exception as e:
        print("  second clause not reached for values")


def whole_group_matches():
    eg = ExceptionGroup("whole", [ValueError(1), TypeError(2)])
    try:
        raise eg
    except* Exception as e:
        print("  same object:", e is eg)


def name_cleared():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as err:
        pass
    try:
        err
    except NameError as e:
        print("  NameError:", e)


def else_and_finally():
    try:
        pass
    except* ValueError:
        print("  not here")
    else:
        print("  else ran")
    finally:
        print("  finally ran")
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print("  handler ran")
    else:
        print("  not here")
    finally:
        print("  finally after handler")


def base_exceptions():
    try:
        raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        print("  interrupt part:", repr(e))


for fn in [by_type, by_tuple, rest_propagates, naked, naked_unmatched, nested_groups,
           each_clause_once, whole_group_matches, name_cleared, else_and_finally,
           base_exceptions]:
    run(fn.__name__, fn)

print(sys.exc_info())
