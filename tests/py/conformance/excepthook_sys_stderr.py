# The interpreter's traceback printer writes to sys.stderr whatever object
# it is, so sys.__excepthook__ output can be captured; a script's own
# sys.excepthook is what shows the exception that ends the program.
import io
import sys

class Widget:
    colour = None

try:
    Widget().color
except AttributeError:
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.__excepthook__(*sys.exc_info())
        text = sys.stderr.getvalue()
    finally:
        sys.stderr = saved
    lines = text.splitlines()
    print(lines[0])
    print(lines[-1])

try:
    raise ValueError("outer") from KeyError("inner")
except ValueError:
    buf = io.StringIO()
    saved, sys.stderr = sys.stderr, buf
    sys.excepthook(*sys.exc_info())
    sys.stderr = saved
    print([l for l in buf.getvalue().splitlines() if not l.startswith(" ")])

def hook(kind, value, tb):
    print("hook saw", kind.__name__, value, tb is not None)

sys.excepthook = hook
sys.stderr = sys.stdout
raise LookupError("the end")
