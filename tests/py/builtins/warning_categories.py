# The standard warning categories are builtins with Warning as their base,
# and lib/warnings.py filters them like any other category.
import builtins
import warnings

names = ["BytesWarning", "EncodingWarning", "FutureWarning", "ImportWarning",
         "PendingDeprecationWarning", "ResourceWarning", "SyntaxWarning",
         "UnicodeWarning"]
for name in names:
    cls = getattr(builtins, name)
    print(name, cls.__name__, [b.__name__ for b in cls.__mro__], cls.__module__)
    e = cls("careful", 2)
    print(repr(e), str(e), e.args, isinstance(e, Warning), isinstance(e, Exception))

with warnings.catch_warnings(record=True) as seen:
    warnings.simplefilter("always")
    warnings.warn("old thing", PendingDeprecationWarning)
    warnings.warn("changing", FutureWarning)
    warnings.warn("leak", ResourceWarning)
    print([(w.category.__name__, str(w.message)) for w in seen])

with warnings.catch_warnings():
    warnings.simplefilter("error", FutureWarning)
    try:
        warnings.warn("now an error", FutureWarning)
    except FutureWarning as e:
        print("raised", type(e).__name__, e)
    warnings.simplefilter("ignore", SyntaxWarning)
    warnings.warn("quiet", SyntaxWarning)
    print("ignored SyntaxWarning")

class MyResource(ResourceWarning):
    pass

try:
    raise MyResource("mine")
except ResourceWarning as e:
    print("caught subclass", type(e).__name__, e)
