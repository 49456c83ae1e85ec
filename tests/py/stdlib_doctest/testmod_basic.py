"""Module docstring with an example.

>>> 1 + 1
2
>>> print('hello')
hello
"""
import doctest
import os

# Reports name the module's file; keep the expected output free of the
# checkout's absolute path.
__file__ = os.path.basename(__file__)


def add(a, b):
    """Add two numbers.

    >>> add(2, 3)
    5
    >>> add('a', 'b')
    'ab'
    >>> [add(i, i) for i in range(3)]
    [0, 2, 4]
    """
    return a + b


def wrong(x):
    """An example whose output does not match.

    >>> wrong(2)
    4
    >>> wrong(3)   # the second one also fails
    9
    >>> print('multi\\nline')
    multi
    lines
    """
    return x * 3


def nothing():
    """No output expected but some is printed.

    >>> print('surprise')
    >>> None
    >>> 'quiet'
    """


def missing_output():
    """Output expected but none produced.

    >>> x = 1
    1
    """


class Counter:
    """A class with examples.

    >>> c = Counter()
    >>> c.bump()
    1
    >>> c.bump()
    2
    """

    def __init__(self):
        self.n = 0

    def bump(self):
        """
        >>> Counter().bump()
        1
        """
        self.n += 1
        return self.n

    @staticmethod
    def helper():
        """
        >>> Counter.helper()
        'helped'
        """
        return 'helped'

    @property
    def value(self):
        """
        >>> Counter().value
        0
        """
        return self.n


print(doctest.testmod())
print(doctest.testmod(report=False))
