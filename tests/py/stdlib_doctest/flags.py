# Option flags, given to the runner or as directives inside examples.
import contextlib
import doctest
import io
import os
import re

__file__ = os.path.basename(__file__)


def ellipsis():
    """
    >>> list(range(20))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> print('start middle end')  # doctest: +ELLIPSIS
    start ... end
    >>> print('abc')  # doctest: +ELLIPSIS
    x...
    >>> print('abc')
    a...
    """


def whitespace():
    """
    >>> print(list(range(12)))  # doctest: +NORMALIZE_WHITESPACE
    [0, 1, 2, 3, 4, 5,
     6, 7, 8, 9, 10, 11]
    >>> print('a  b')  # doctest: +NORMALIZE_WHITESPACE, +ELLIPSIS
    a ...
    >>> print('a  b')
    a b
    """


def blankline():
    """
    >>> print('a\\n\\nb')
    a
    <BLANKLINE>
    b
    >>> print('a\\n\\nb')  # doctest: +DONT_ACCEPT_BLANKLINE
    a
    <BLANKLINE>
    b
    """


def true_for_1():
    """
    >>> 1 == 1
    1
    >>> 1 == 2
    0
    >>> 1 == 1  # doctest: +DONT_ACCEPT_TRUE_FOR_1
    1
    """


def skipping():
    """
    >>> raise RuntimeError('never run')  # doctest: +SKIP
    >>> 'ran'
    'ran'
    """


def exceptions():
    """
    >>> 1 / 0
    Traceback (most recent call last):
      ...
    ZeroDivisionError: division by zero
    >>> int('x')
    Traceback (most recent call last):
    ValueError: invalid literal for int() with base 10: 'x'
    >>> raise KeyError('k')
    Traceback (most recent call last):
        File "somewhere", line 1
    KeyError: 'wrong'
    >>> raise ValueError('detail')  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    ValueError: other detail
    >>> raise ValueError('detail')  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    module.path.ValueError
    >>> raise ValueError('detail')  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    TypeError: detail
    >>> raise ValueError('multi\\nline')
    Traceback (most recent call last):
    ValueError: multi
    line
    """


def first_failure_only():
    """
    >>> 1
    2
    >>> 3
    4
    """


def fail_fast():
    """
    >>> 'a'
    'b'
    >>> 'never reached'
    """


print(doctest.run_docstring_examples(ellipsis, {}, name='ellipsis'))
doctest.run_docstring_examples(whitespace, {}, name='whitespace')
doctest.run_docstring_examples(blankline, {}, name='blankline')
doctest.run_docstring_examples(true_for_1, {}, name='true_for_1')
doctest.run_docstring_examples(skipping, {}, name='skipping', verbose=True)
# A traceback in a report includes doctest's own frame, whose file and
# source line differ between implementations: mask that frame.
with contextlib.redirect_stdout(io.StringIO()) as captured:
    doctest.run_docstring_examples(exceptions, {}, name='exceptions')
print(re.sub(r'( +)File "[^"]*doctest[^"]*", line \d+, in \w+\n'
             r'(\1  (?!File).*\n)?', r'\1File DOCTEST\n',
             captured.getvalue()), end='')
doctest.run_docstring_examples(first_failure_only, {}, name='ffo',
                               optionflags=doctest.REPORT_ONLY_FIRST_FAILURE)
doctest.run_docstring_examples(fail_fast, {}, name='ff',
                               optionflags=doctest.FAIL_FAST)
doctest.run_docstring_examples(ellipsis, {}, name='global_ellipsis',
                               optionflags=doctest.ELLIPSIS)
print(sorted(doctest.OPTIONFLAGS_BY_NAME.items(), key=lambda kv: kv[1]))
print(doctest.COMPARISON_FLAGS, doctest.REPORTING_FLAGS)
print(doctest.register_optionflag('ELLIPSIS') == doctest.ELLIPSIS)
