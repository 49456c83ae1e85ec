try:
    raise IndexError("idx")
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
try:
    try:
        raise ValueError("v")
    finally:
        print("inner finally")
except ValueError:
    print("outer handler")
