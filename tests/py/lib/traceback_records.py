# traceback: walk_tb/walk_stack, StackSummary.extract with limits and
# locals, the print_* functions writing to a file, SyntaxError formatting
# with carets, FrameSummary comparisons, TracebackException equality,
# context cycles, limits and the argument errors of the format functions.
import io
import re
import sys
import traceback


def clean(text):
    return re.sub(r'File "[^"]*/([^"/]+)"', r'File "\1"', text)


def level3():
    raise LookupError("deep")


def level2():
    level3()


def level1():
    level2()


try:
    level1()
except LookupError as exc:
    caught = exc
tb = caught.__traceback__

print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)])
for limit in (None, 0, 1, 2, -1, -2, 10, -10):
    print(limit, [f.name for f in traceback.extract_tb(tb, limit=limit)],
          len(traceback.format_exception(caught, limit=limit)))
print(clean("".join(traceback.format_exception(type(caught), caught, tb, limit=2))), end="")
print(clean("".join(traceback.format_exception(caught, limit=-1))), end="")

summary = traceback.StackSummary.extract(traceback.walk_tb(tb), limit=2)
print(type(summary).__name__, [f.name for f in summary], summary[0].line)
lazy = traceback.StackSummary.extract(traceback.walk_tb(tb), lookup_lines=False)
print([f.lineno for f in lazy], lazy[-1].line)


def with_locals(a, b="text"):
    c = [a, b]
    raise KeyError(c)


try:
    with_locals(1)
except KeyError as exc:
    local_tb = exc.__traceback__
    # gilpy's traceback frames keep no locals, so capture_locals is only
    # checked for not breaking the report.
    te = traceback.TracebackException.from_exception(exc, capture_locals=True, limit=-1)
    print(clean("".join(te.format())).splitlines()[-1])

# print_* functions write where they are told.
for call in (lambda out: traceback.print_tb(tb, file=out),
             lambda out: traceback.print_tb(tb, limit=1, file=out),
             lambda out: traceback.print_exception(caught, file=out, chain=False),
             lambda out: traceback.print_exception(LookupError, caught, tb, limit=1, file=out),
             lambda out: traceback.print_list([("x.py", 4, "f", "return 1"), ("y.py", 9, "<module>", None)], file=out)):
    out = io.StringIO()
    call(out)
    print(clean(out.getvalue()), end="")
    print("..")


def stack_printer():
    out = io.StringIO()
    traceback.print_stack(limit=2, file=out)
    return out.getvalue()


print(clean(stack_printer()), end="")
frames = list(traceback.walk_stack(sys._getframe()))
print(frames[0][0].f_code.co_name, type(frames[0][1]).__name__)


def inner_walk():
    return [f.f_code.co_name for f, n in traceback.walk_stack(sys._getframe())][:2]


print(inner_walk())
print([f.name for f in traceback.extract_stack(sys._getframe(), limit=1)])

# SyntaxError formatting.
for args in [("bad thing", ("prog.py", 3, 5, "  x = = 1\n")),
             ("eol", ("prog.py", 1, 9, "print('hi\n", 1, 12)),
             ("no text", ("prog.py", 7, None, None)),
             ("no line", (None, None, None, None)),
             ("only file", ("prog.py", None, None, None))]:
    err = SyntaxError(*args)
    print(traceback.format_exception_only(err))
err = SyntaxError("span", ("f.py", 2, 3, "a  +  b\n", 2, 7))
print(traceback.format_exception_only(err))
err = SyntaxError("tabs", ("f.py", 2, 4, "\tfoo bar\n", 2, 5))
print(traceback.format_exception_only(err))
try:
    compile("x = (1,\n", "snippet.py", "exec")
except SyntaxError as e:
    print(type(e).__name__, traceback.format_exception_only(e)[-1])


class MyWarning(UserWarning):
    pass


print(traceback.format_exception_only(MyWarning, MyWarning("w")))
print(traceback.format_exception_only(OSError(2, "gone")))
e = ValueError("has notes")
e.__notes__ = "not a list"
print(traceback.format_exception_only(e))
e.__notes__ = ["a", 7]
print(traceback.format_exception_only(e))

# FrameSummary.
a = traceback.FrameSummary("m.py", 5, "fn", line="  y = 2  ")
b = traceback.FrameSummary("m.py", 5, "fn", lookup_line=False)
print(a == b, a == ("m.py", 5, "fn", "y = 2"), a != ("m.py", 5, "fn", "z"), a == 5)
print(a.line, repr(b.line), len(a), a[0], a[-1], tuple(a), a.end_lineno, a.colno)
c = traceback.FrameSummary("m.py", 5, "fn", locals={"k": [1]}, line="")
print(c.locals, repr(c.line), c == a)
print(traceback.format_list([a, c]))

# Recursion folding in a StackSummary.
rows = [("r.py", 3, "rec", "rec()")] * 6 + [("r.py", 9, "end", "raise")]
print("".join(traceback.format_list(rows)), end="")
rows = [("r.py", 3, "rec", "rec()")] * 4
print("".join(traceback.format_list(rows)), end="")

# TracebackException equality, str, chains.
try:
    level1()
except LookupError as exc:
    one = traceback.TracebackException.from_exception(exc)
    two = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    print(one == two, one == 3, str(one), one.exc_type.__name__, one.__suppress_context__)


def cycle():
    try:
        raise ValueError("first")
    except ValueError as first:
        try:
            raise TypeError("second")
        except TypeError as second:
            first.__context__ = second
            raise first


try:
    cycle()
except ValueError as exc:
    text = clean("".join(traceback.format_exception(exc)))
    print(text.count("Traceback"), text.splitlines()[-1])
    te = traceback.TracebackException.from_exception(exc)
    print(te.__context__.exc_type.__name__, te.__context__.__context__ is None, te.__cause__)

try:
    try:
        raise KeyError("inner")
    except KeyError as k:
        raise RuntimeError("outer") from k
except RuntimeError as exc:
    print(clean("".join(traceback.TracebackException.from_exception(exc).format(chain=False))), end="")
    print(len(list(traceback.TracebackException.from_exception(exc).format())))

# Argument errors.
for bad in (lambda: traceback.format_exception(ValueError, tb=None),
            lambda: traceback.print_exception(ValueError, ValueError("v")),
            lambda: traceback.format_exception("text"),
            lambda: traceback.print_last()):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(traceback.format_exception(None), traceback.format_exception_only(None, None))
print(traceback.format_exception(LookupError("solo")), traceback.format_tb(None))
print(traceback.clear_frames(tb))

# sys.tracebacklimit.
sys.tracebacklimit = 1
print(len(traceback.extract_tb(tb)), len(traceback.format_exception(caught)))
sys.tracebacklimit = -3
print(len(traceback.extract_tb(tb)))
del sys.tracebacklimit
