"""When every example passes, testmod prints nothing unless verbose.

>>> square(4)
16
"""
import doctest


def square(x):
    """
    >>> square(3)
    9
    >>> [square(i) for i in range(4)]
    [0, 1, 4, 9]
    >>> print('  indented output')
      indented output
    >>> square(
    ...     5)
    25
    >>> class Point:
    ...     def __init__(self, x):
    ...         self.x = x
    ...
    >>> Point(2).x
    2
    >>> import math
    >>> math.floor(2.5)
    2
    >>> _
    2
    >>> 'a' + \\
    ... 'b'
    'ab'
    """
    return x * x


__test__ = {
    'extra_text': """
    >>> square(10)
    100
    """,
}

print(doctest.testmod())
print(doctest.testmod(verbose=False, report=True))
if __name__ == '__main__':
    print(doctest.testmod(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE))
