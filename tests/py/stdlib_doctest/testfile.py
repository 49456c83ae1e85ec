# testfile: module-relative paths, globs, verbose, encoding, errors.
import doctest
import os

here = os.path.dirname(os.path.abspath(__file__))

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
