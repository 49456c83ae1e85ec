# split() and subgroup(): by type, tuple of types and predicate; the
# structure is kept, empty parts are None and metadata is copied.
def show(label, g):
    if g is None:
        print(label, None)
    else:
        print(label, repr(g))

eg = ExceptionGroup("top", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("mid", [ValueError(3), KeyError(4)]),
    ExceptionGroup("only types", [TypeError(5)]),
])
m, r = eg.split(ValueError)
show("match", m)
show("rest", r)
m, r = eg.split((KeyError, TypeError))
show("match", m)
show("rest", r)
m, r = eg.split(lambda e: isinstance(e, LookupError))
show("match", m)
show("rest", r)
show("sub all", eg.subgroup(Exception))
print(eg.subgroup(Exception) is eg, eg.subgroup(lambda e: True) is eg)
show("sub none", eg.subgroup(OSError))
print(eg.split(OSError)[0], eg.split(OSError)[1] is eg)
m, r = eg.split(ValueError)
print(m.exceptions[0] is eg.exceptions[0], m.exceptions[1].exceptions[0] is eg.exceptions[2].exceptions[0])

# The predicate sees the groups too, outermost first.
seen = []
eg.subgroup(lambda e: seen.append(type(e).__name__) or False)
print(seen)

for bad in [1, "x", (ValueError, 1), int, None]:
    try:
        eg.split(bad)
    except TypeError as e:
        print("split", type(bad).__name__, "->", e)
    try:
        eg.subgroup(bad)
    except TypeError as e:
        print("subgroup", type(bad).__name__, "->", e)

# Metadata: traceback, cause, context and notes go to each part.
try:
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("meta", [ValueError(1), TypeError(2)]) from OSError("why")
except ExceptionGroup as caught:
    caught.add_note("a note")
    m, r = caught.split(ValueError)
    for part in (m, r):
        print(repr(part), repr(part.__cause__), repr(part.__context__),
              part.__traceback__ is caught.__traceback__, part.__notes__,
              part.__notes__ is caught.__notes__, part.__suppress_context__)
    m.add_note("only on match")
    print(caught.__notes__, m.__notes__)

# A leaf that raises in the predicate propagates.
def picky(e):
    if isinstance(e, TypeError):
        raise RuntimeError("predicate failed")
    return False
try:
    eg.split(picky)
except RuntimeError as e:
    print("RuntimeError", e)
