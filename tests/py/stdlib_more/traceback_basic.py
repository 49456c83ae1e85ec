# traceback: format_exc, format_exception (both forms), extract_tb/stack,
# chained exceptions, FrameSummary, TracebackException, recursion folding.
import re
import sys
import traceback


def clean(text):
    return re.sub(r'File "[^"]*/([^"/]+)"', r'File "\1"', text)


def inner():
    raise ValueError("bad value")


def outer():
    inner()


try:
    outer()
except ValueError:
    print(clean(traceback.format_exc()), end="")
    etype, value, tb = sys.exc_info()
    print(clean("".join(traceback.format_exception(etype, value, tb))), end="")
    print(traceback.format_exception_only(etype, value))
    for fs in traceback.extract_tb(tb):
        print(fs.name, fs.lineno, fs.line, len(fs))
    print([f.name for f in traceback.extract_tb(tb, limit=2)])
    print([f.name for f in traceback.extract_tb(tb, limit=-1)])
    print(clean("".join(traceback.format_tb(tb))), end="")

try:
    outer()
except ValueError as e:
    lines = traceback.format_exception(e)
    print(len(lines), clean(lines[-2]), lines[-1], end="")
    print(traceback.format_exception_only(e))


def chained():
    try:
        raise KeyError("k")
    except KeyError as e:
        raise RuntimeError("wrapped") from e


try:
    chained()
except RuntimeError as e:
    print(clean("".join(traceback.format_exception(e))), end="")
    print("----")
    print(clean("".join(traceback.format_exception(e, chain=False))), end="")
    print("----")

try:
    try:
        int("x")
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as e:
    print(clean("".join(traceback.format_exception(e))), end="")
    print("----")

try:
    try:
        int("x")
    except ZeroDivisionError:
        raise TypeError("hidden") from None
except TypeError as e:
    print(clean("".join(traceback.format_exception(e))), end="")
    print("----")


def recurse(n):
    if n == 0:
        raise OverflowError("deep")
    recurse(n - 1)


try:
    recurse(10)
except OverflowError as e:
    print(clean("".join(traceback.format_exception(e))), end="")
    print("----")

# Exceptions from other modules show their module; empty messages show only the type.
print(traceback.format_exception_only(KeyError()))
print(traceback.format_exception_only(KeyError("x")))
print(traceback.format_exception_only(StopIteration()))
import json
try:
    json.loads("{")
except Exception as e:
    print(traceback.format_exception_only(e))


class Custom(Exception):
    pass


print(traceback.format_exception_only(Custom("c")))
print(traceback.format_exception_only(None))


class BadStr(Exception):
    def __str__(self):
        raise RuntimeError


print(traceback.format_exception_only(BadStr()))

# FrameSummary records.
fs = traceback.FrameSummary("file.py", 3, "func", line="x = 1")
print(repr(fs), fs.filename, fs.lineno, fs.name, fs.line)
print(fs == ("file.py", 3, "func", "x = 1"), list(fs), fs[2])
print(traceback.format_list([("a.py", 1, "f", "pass"), ("b.py", 2, "g", "")]))
stack = traceback.StackSummary.from_list([("a.py", 1, "f", "one")])
print(stack.format())


def where():
    return traceback.extract_stack()


def caller():
    return where()


st = caller()
print([f.name for f in st][-3:], st[-1].line, st[-2].line)
print([f.name for f in traceback.extract_stack(limit=1)])
print(clean("".join(traceback.format_stack(limit=1))), end="")

# TracebackException.
try:
    outer()
except ValueError as e:
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), len(te.stack), te.stack[-1].name)
    print(clean("".join(te.format())), end="")
    print(list(te.format_exception_only()))

# print_exc / print_exception write to the given file.
import io
buf = io.StringIO()
try:
    inner()
except ValueError:
    traceback.print_exc(file=buf)
print(clean(buf.getvalue()), end="")
buf = io.StringIO()
traceback.print_exception(ValueError("no tb"), file=buf)
print(repr(buf.getvalue()))

# Notes.
try:
    e = ValueError("noted")
    e.add_note("first note")
    e.add_note("second\nnote")
    raise e
except ValueError as e:
    print(traceback.format_exception_only(e))

try:
    traceback.format_exception(ValueError, ValueError("x"))
except ValueError as e:
    print(e)
try:
    traceback.format_exception(42)
except TypeError as e:
    print(e)

# The same text on stderr through print_exc.
try:
    inner()
except ValueError:
    traceback.print_exc()
