try:
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as outer:
    print(type(outer.__cause__).__name__, outer.__context__ is outer.__cause__)
    print(outer.__traceback__ is not None)
e = ValueError("fresh")
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
