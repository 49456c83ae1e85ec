"""
>>> x = 5
>>> x * 2
10
"""
import doctest
import os

# Reports name the module's file; keep the expected output free of the
# checkout's absolute path.
__file__ = os.path.basename(__file__)


def f():
    """
    >>> f()
    'f'
    >>> for i in range(2):
    ...     print(i)
    0
    1
    """
    return 'f'


def g():
    """
    >>> g()
    2
    """
    return 1


def no_examples():
    """Prose only."""


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def describe(self):
        """
        >>> Shape(3).describe()
        'triangle-ish'
        """
        return 'triangle-ish'

    @classmethod
    def square(cls):
        return cls(4)

    @property
    def count(self):
        """The number of sides."""
        return self.sides


print(doctest.testmod(verbose=True))
