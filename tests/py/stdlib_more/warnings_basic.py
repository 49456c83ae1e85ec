# warnings: default once-per-location display, filters, catch_warnings,
# stacklevel, the showwarning/formatwarning hooks.
import os
import sys
import warnings


def base(name):
    return os.path.basename(name)


print([f[0] for f in warnings.filters][:5])
print(issubclass(DeprecationWarning, Warning), issubclass(UserWarning, Warning),
      issubclass(Warning, Exception), RuntimeWarning.__mro__[1].__name__)

for i in range(3):
    warnings.warn("shown once")            # default action: once per location

warnings.warn("a runtime problem", RuntimeWarning)
warnings.warn(UserWarning("instance form"))


def deprecated():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


deprecated()                               # shown: __main__ gets DeprecationWarning


def lib_level():
    warnings.warn("from lib", UserWarning, stacklevel=2)


def user_code():
    lib_level()


user_code()

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    for i in range(2):
        warnings.warn("recorded", UserWarning)
    warnings.warn("dep", DeprecationWarning)
    deprecated()
print(len(log))
for w in log:
    print(w.category.__name__, str(w.message), base(w.filename), w.lineno,
          type(w.message).__name__)
print(str(log[0]).replace(log[0].filename, "FILE"))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised", repr(e))
    try:
        warnings.warn("runtime error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", repr(e))

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("ignored")
    print("nothing shown")

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("error", message="bad")
    warnings.filterwarnings("always", category=RuntimeWarning)
    try:
        warnings.warn("BAD thing")
    except UserWarning as e:
        print("matched case-insensitively:", e)
    warnings.warn("good thing")
    warnings.warn("rt", RuntimeWarning)
    warnings.warn("rt", RuntimeWarning)
    print([str(w.message) for w in log])

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("once only")
    warnings.warn("once only")
    print(len(log))

with warnings.catch_warnings(record=True) as log:
    warnings.resetwarnings()
    print(warnings.filters)
    warnings.warn("default after reset")
    print(len(log))

# Hooks.
def my_show(message, category, filename, lineno, file=None, line=None):
    print("SHOW:", message, category.__name__, base(filename), lineno)


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = my_show
    warnings.warn("through hook")
print(warnings.showwarning is my_show)

print(repr(warnings.formatwarning("msg", UserWarning, "f.py", 10, "x = 1  ")))
print(repr(warnings.formatwarning("msg", FutureWarning, "f.py", 10, "")))

with warnings.catch_warnings():
    warnings.simplefilter("always")
    old = warnings.formatwarning
    warnings.formatwarning = lambda m, c, f, l, line=None: "FMT %s %s\n" % (c.__name__, m)
    warnings.warn("custom format")
    warnings.formatwarning = old

with warnings.catch_warnings():
    warnings.simplefilter("always")
    import io
    buf = io.StringIO()
    warnings.showwarning("to a file", UserWarning, "g.py", 3, file=buf, line="  pass")
    print(repr(buf.getvalue()))

# Bad arguments.
try:
    warnings.warn("x", int)
except TypeError as e:
    print(e)
try:
    warnings.warn("x", "notaclass")
except TypeError as e:
    print(e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print(e)
try:
    warnings.filterwarnings("ignore", lineno=-1)
except AssertionError as e:
    print(e)
print(repr(warnings.catch_warnings(record=True)), repr(warnings.catch_warnings()))
cw = warnings.catch_warnings()
with cw:
    try:
        cw.__enter__()
    except RuntimeError as e:
        print(e)

# stacklevel beyond the stack: reported against "sys".
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("far", stacklevel=50)
    print(log[0].filename, log[0].lineno)
print("done")
