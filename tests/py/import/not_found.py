try:
    import does_not_exist_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from _shapes import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name)
try:
    import _shapes.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
