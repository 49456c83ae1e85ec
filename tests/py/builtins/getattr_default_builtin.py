print(getattr([], "append").__name__, getattr("s", "upper")())
print(getattr(5, "real"), getattr(int, "__name__"))
print(hasattr([], "sort"), hasattr((), "sort"))
print(getattr(None, "x", "fallback"))
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(e)
try:
    setattr([], "x", 1)
except AttributeError as e:
    print(e)
