# REPORT_UDIFF, REPORT_CDIFF and REPORT_NDIFF failure reports.
import contextlib
import doctest
import io
import os

# The reports name this file by its full path: show it relative, so the
# expected output does not depend on where the checkout lives.
HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def long_output():
    """
    >>> for word in ['one', 'two', 'three', 'four', 'five']:
    ...     print(word)
    one
    two
    tree
    four
    five
    """


def short_output():
    """
    >>> print('a\\nb')
    a
    c
    """


def reports():
    for flag in ('REPORT_UDIFF', 'REPORT_CDIFF', 'REPORT_NDIFF'):
        print('==', flag)
        value = getattr(doctest, flag)
        doctest.run_docstring_examples(long_output, {}, name='long',
                                       optionflags=value)
        doctest.run_docstring_examples(short_output, {}, name='short',
                                       optionflags=value)


buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    reports()
print(buf.getvalue().replace(HERE, ''), end='')
