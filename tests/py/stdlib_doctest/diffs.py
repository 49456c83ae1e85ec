# REPORT_UDIFF, REPORT_CDIFF and REPORT_NDIFF failure reports.
import doctest


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


for flag in ('REPORT_UDIFF', 'REPORT_CDIFF', 'REPORT_NDIFF'):
    print('==', flag)
    value = getattr(doctest, flag)
    doctest.run_docstring_examples(long_output, {}, name='long',
                                   optionflags=value)
    doctest.run_docstring_examples(short_output, {}, name='short',
                                   optionflags=value)
