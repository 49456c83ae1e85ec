# testfile: module-relative paths, globs, verbose, encoding, errors.
import contextlib
import doctest
import io
import os

here = os.path.dirname(os.path.abspath(__file__))


def checks():
    print(doctest.testfile('testfile_sample.txt', globs={'name': 'from globs'}))
    print(doctest.testfile('testfile_sample.txt', extraglobs={'name': 'from extraglobs'},
                           verbose=True, name='renamed', encoding='utf-8'))
    print(doctest.testfile('testfile_sample.txt', report=False,
                           globs={'name': 'from globs'}))
    os.chdir(here)
    print(doctest.testfile('testfile_sample.txt', module_relative=False,
                           globs={'name': 'from globs'}, report=False))
    try:
        doctest.testfile('/abs/path.txt')
    except ValueError as e:
        print('ValueError:', e)
    try:
        doctest.testfile('x.txt', module_relative=False, package='os')
    except ValueError as e:
        print('ValueError:', e)
    try:
        doctest.testfile('no_such_file.txt')
    except OSError as e:
        print(type(e).__name__)


# The reports name the sample by its full path: show it relative, so the
# expected output does not depend on where the checkout lives.
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    checks()
print(buf.getvalue().replace(here + os.sep, ''), end='')
