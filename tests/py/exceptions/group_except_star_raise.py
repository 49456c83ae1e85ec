# except*: raising inside a handler, bare re-raise, and how the results are
# merged with the unhandled rest.
def run(label, fn):
    try:
        fn()
        print(label, "-> nothing")
    except BaseException as e:
        print(label, "->", repr(e))
        if isinstance(e, BaseExceptionGroup):
            for sub in e.exceptions:
                print("   sub", repr(sub), "context:", repr(sub.__context__))


def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from handler")


def raise_new_all_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError("only this")


def bare_reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError:
        raise


def reraise_keeps_shape():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])
    except* TypeError:
        raise
    except* ValueError:
        pass


def two_handlers_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise RuntimeError("r1")
    except* TypeError:
        raise RuntimeError("r2")


def raise_from_naked():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise IndexError("replacement")


def raise_group_in_handler():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise ExceptionGroup("new", [KeyError("k")]) from e


def raise_the_match():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e


def handler_catches_own():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            print("  inner handled")


for fn in [raise_new, raise_new_all_handled, bare_reraise, reraise_keeps_shape,
           two_handlers_raise, raise_from_naked, raise_group_in_handler,
           raise_the_match, handler_catches_own]:
    run(fn.__name__, fn)

# except* inside loops and functions keeps working afterwards.
total = 0
for i in range(3):
    try:
        raise ExceptionGroup("loop", [ValueError(i)])
    except* ValueError as e:
        total += e.exceptions[0].args[0]
print("total", total)
