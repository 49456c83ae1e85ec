# int() falling back on __trunc__, and what __trunc__ may return.
import warnings


class Index:
    def __index__(self):
        return 7


class TruncIndex:
    def __trunc__(self):
        return Index()


class Loop:
    def __trunc__(self):
        return Loop()


class TruncLoop:
    def __trunc__(self):
        return Loop()


class TruncBool:
    def __trunc__(self):
        return True


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(int(TruncIndex()))
    r = int(TruncBool())
    print(r, type(r).__name__)
    try:
        int(TruncLoop())
    except TypeError as e:
        print("TypeError", e)
print([(w.category.__name__, str(w.message)) for w in caught])

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        int(TruncIndex())
    except DeprecationWarning as e:
        print("error:", e)
