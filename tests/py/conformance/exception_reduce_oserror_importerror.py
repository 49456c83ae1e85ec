# copy and pickle keep OSError's filename (passed back through args) and
# ImportError's name and path (passed as state) as CPython's reduction does.
import copy
import pickle

cases = [
    OSError(2, "No such file", "missing.txt"),
    OSError(13, "Denied", "a.txt", None, "b.txt"),
    OSError("just", "two"),
    OSError("one"),
    FileNotFoundError(2, "gone", "x"),
    ImportError("no module", name="pkg.mod", path="/p/mod.py"),
    ImportError("bare"),
    ModuleNotFoundError("nf", name="nf"),
]
for exc in cases:
    print(exc.__reduce__()[1:])
    for clone in (copy.copy(exc), pickle.loads(pickle.dumps(exc))):
        if isinstance(exc, OSError):
            print(" ", type(clone).__name__, clone.errno, clone.strerror, clone.filename,
                  clone.filename2, clone.args)
        else:
            print(" ", type(clone).__name__, clone.msg, clone.name, clone.path, clone.args)

e = ImportError("m", name="n")
e.extra = 1
print(e.__reduce__()[2])
