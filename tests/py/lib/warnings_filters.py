# warnings: the filter list itself (order, append, duplicates, regex and
# lineno matching), warn_explicit with explicit registries, the "module"
# and "once" actions, registries reset by filter changes, WarningMessage,
# catch_warnings(action=...) and the misuse errors.
import io
import warnings


def shape(item):
    action, msg, cat, mod, lineno = item
    return (action, getattr(msg, "pattern", msg), cat.__name__, getattr(mod, "pattern", mod), lineno)


with warnings.catch_warnings():
    warnings.resetwarnings()
    warnings.simplefilter("ignore", RuntimeWarning)
    warnings.filterwarnings("error", "^boom", UserWarning, "mod\\.x", 7)
    warnings.filterwarnings("always", append=True)
    warnings.simplefilter("ignore", RuntimeWarning)        # moves to the front, no duplicate
    warnings.simplefilter("always", append=True)           # already present: not added twice
    print([shape(f) for f in warnings.filters])
    print(warnings.filters[1][1].flags & 2 == 2)            # message regex is case-insensitive

log = []


def show(message, category, filename, lineno, file=None, line=None):
    log.append((str(message), category.__name__, filename, lineno))


with warnings.catch_warnings():
    warnings.resetwarnings()
    warnings.showwarning = show
    registry = {}
    for lineno in (1, 1, 2):
        warnings.warn_explicit("dflt", UserWarning, "a.py", lineno, "m", registry)
    print(log, sorted(k for k in registry if k != "version"))
    del log[:]

    warnings.simplefilter("module")
    registry = {}
    for lineno in (1, 2, 3):
        warnings.warn_explicit("per module", UserWarning, "a.py", lineno, "m", registry)
    warnings.warn_explicit("per module", UserWarning, "a.py", 4, "m", {})
    print(log, len(registry))
    del log[:]

    warnings.simplefilter("once")
    for name in ("one.py", "two.py"):
        warnings.warn_explicit("only once", RuntimeWarning, name, 1, "m", {})
    warnings.warn_explicit("only once", UserWarning, "three.py", 1, "m", {})
    print(log)
    del log[:]

    warnings.resetwarnings()
    warnings.filterwarnings("error", module="pkg\\.")
    warnings.filterwarnings("ignore", lineno=5)
    warnings.filterwarnings("error", message="exact", category=DeprecationWarning)
    cases = [("hi", UserWarning, "pkg.sub"), ("hi", UserWarning, "pkgx"), ("hi", UserWarning, "other"),
             ("EXACT match", DeprecationWarning, "z"), ("exact", PendingDeprecationWarning, "z"),
             ("not exact", DeprecationWarning, "z")]
    for text, cat, mod in cases:
        for lineno in (5, 6):
            try:
                warnings.warn_explicit(text, cat, "f.py", lineno, mod, {})
                outcome = "shown" if log else "silent"
            except Warning as e:
                outcome = "raised " + type(e).__name__
            del log[:]
            print(text, cat.__name__, mod, lineno, outcome)

    # A module name derived from the file name.
    warnings.resetwarnings()
    warnings.filterwarnings("error", module="^tool$")
    for fname in ("tool.py", "tool.PY", "tool.pyc", ""):
        try:
            warnings.warn_explicit("derived", UserWarning, fname, 1)
            print(repr(fname), "shown" if log else "silent")
        except UserWarning:
            print(repr(fname), "raised")
        del log[:]

    # The registry remembers shown warnings until the filters change.
    warnings.resetwarnings()
    registry = {}
    warnings.warn_explicit("again", UserWarning, "r.py", 1, "r", registry)
    warnings.warn_explicit("again", UserWarning, "r.py", 1, "r", registry)
    print(len(log))
    warnings.simplefilter("default")
    warnings.warn_explicit("again", UserWarning, "r.py", 1, "r", registry)
    print(len(log), sorted(k for k in registry if k != "version"))
    del log[:]

    # An instance as message: its class wins over the category argument.
    warnings.simplefilter("always")
    warnings.warn_explicit(RuntimeWarning("inst"), UserWarning, "i.py", 2)
    warnings.warn(FutureWarning("future"), UserWarning)
    print(log[0], log[1][:2])
    del log[:]

    # defaultaction applies when no filter matches.
    warnings.resetwarnings()
    saved = warnings.defaultaction
    warnings.defaultaction = "error"
    try:
        warnings.warn_explicit("no filter", UserWarning, "d.py", 1)
    except UserWarning as e:
        print("defaultaction error:", e)
    warnings.defaultaction = saved

    warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
    try:
        warnings.warn_explicit("bad action", UserWarning, "d.py", 1)
    except RuntimeError as e:
        print(type(e).__name__, str(e).splitlines()[0])

with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = "not callable"
    try:
        warnings.warn("x")
    except TypeError as e:
        print("TypeError:", e)

# WarningMessage and formatting.
wm = warnings.WarningMessage("text", UserWarning, "w.py", 3)
print(str(wm), wm.file, wm.line, wm.source)
wm = warnings.WarningMessage(ValueError("v"), None, "w.py", 3, line="x")
print(str(wm))
print(repr(warnings.formatwarning(UserWarning("obj"), UserWarning, "nofile.py", 1)))
print(repr(warnings.formatwarning("m", DeprecationWarning, "nofile.py", 2, line="   code   ")))
buf = io.StringIO()
warnings.showwarning("plain", RuntimeWarning, "p.py", 9, file=buf)
print(repr(buf.getvalue()))

# catch_warnings with an action (3.11) and record.
with warnings.catch_warnings(action="error", category=RuntimeWarning):
    try:
        warnings.warn("rt", RuntimeWarning)
    except RuntimeWarning:
        print("action=error applied")
    print(shape(warnings.filters[0]))
with warnings.catch_warnings(record=True, action="always") as got:
    warnings.warn("rec 1")
    warnings.warn("rec 1")
    warnings.warn("rec 2", stacklevel=1, source="src")
    print([(str(w.message), w.category.__name__, w.source) for w in got])
before = list(warnings.filters)
with warnings.catch_warnings():
    warnings.simplefilter("error")
print(warnings.filters == before)

cw = warnings.catch_warnings()
try:
    cw.__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in (lambda: warnings.filterwarnings("ignore", message=3),
            lambda: warnings.filterwarnings("ignore", category=3),
            lambda: warnings.filterwarnings("ignore", category=int),
            lambda: warnings.filterwarnings("ignore", module=None),
            lambda: warnings.simplefilter("ignore", lineno="1")):
    try:
        bad()
    except AssertionError as e:
        print("AssertionError:", e)
for cat in (ValueError, 5, None):
    try:
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            warnings.warn("c", cat)
        print(cat, [w.category.__name__ for w in got])
    except TypeError as e:
        print("TypeError:", e)
print(sorted(n for n in warnings.__all__))
print(issubclass(BytesWarning, Warning), issubclass(EncodingWarning, Warning),
      ResourceWarning.__module__, SyntaxWarning.__name__)
