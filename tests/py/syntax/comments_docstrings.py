"""Module docstring."""
# A comment
def f():
    """Function docstring.

    More lines."""
    return 1  # trailing comment
class K:
    """Class doc."""
print(__doc__)
print(f.__doc__)
print(K.__doc__)
print(f())
