# An exception raised in C while finalizing (a generator that ignores
# GeneratorExit) reaches sys.unraisablehook with a traceback entry for the
# frame running at the time and the line that dropped the last reference;
# warnings from finalizers name that line too.
import sys
import warnings

seen = []

def hook(u):
    tb = u.exc_traceback
    where = None if tb is None else (tb.tb_frame.f_code.co_name, tb.tb_lineno)
    seen.append((u.exc_type.__name__, str(u.exc_value), where))

sys.unraisablehook = hook

def stubborn():
    try:
        yield
    except GeneratorExit:
        yield

def run():
    g = stubborn()
    next(g)
    x = 1
    del g
    g = stubborn()
    next(g)
    g = None
    g = stubborn(); next(g)
    g

run()
g = stubborn()
next(g)
y = 1
del g
g = stubborn(); next(g)
g = 5
for item in seen:
    print(item)

class D:
    def __del__(self):
        warnings.warn("from del", stacklevel=2)

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    d = D()
    z = 3
    d = 4
    def inner():
        e = D()
        z = 4
        del e
    inner()
    D()
    print([(x.lineno, str(x.message)) for x in w])
