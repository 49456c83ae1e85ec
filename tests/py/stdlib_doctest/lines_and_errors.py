# Line numbers reported for decorated functions, methods and nested
# classes; unexpected exceptions ("Exception raised:").
import contextlib
import doctest
import functools
import io
import os
import re

__file__ = os.path.basename(__file__)


def decorate(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args)
    return wrapper


@decorate
def decorated(value='quoted'):
    """First line.

    >>> decorated()
    'not this'
    """
    return value


def multi_line_signature(a,
                         b=2):
    '''
    >>> multi_line_signature(1)
    4
    '''
    return a + b


class Outer:
    """
    >>> Outer.Inner.value
    0
    """

    class Inner:
        """Nested.

        >>> Outer.Inner().method()
        'no'
        """
        value = 1

        def method(self):
            """
            >>> 'method'
            'm'
            """
            return 'yes'


def raises():
    """
    >>> {}['missing']
    >>> [][1]
    >>> undefined_name
    """


with contextlib.redirect_stdout(io.StringIO()) as captured:
    results = doctest.testmod()
print(re.sub(r'( +)File "[^"]*doctest[^"]*", line \d+, in \w+\n'
             r'(\1  (?!File).*\n)?', r'\1File DOCTEST\n',
             captured.getvalue()), end='')
print(results)
