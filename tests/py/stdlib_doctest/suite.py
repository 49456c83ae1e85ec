# DocTestSuite and DocFileSuite run under unittest.
import doctest
import io
import os
import re
import sys
import types
import unittest


def mask(text):
    # Timings, directories, and the frame of doctest's own runTest (its
    # file and source line differ between implementations).
    text = re.sub(r'in \d+\.\d+s', 'in X.XXXs', text)
    text = re.sub(r'File "[^"]*doctest[^"]*", line \d+, in \w+\n'
                  r'(    .*\n)?', 'File DOCTEST\n', text)
    return re.sub(r'(File "|FAIL: )[^"\n]*/', r'\1', text)

mod = types.ModuleType('suite_mod')
mod.__file__ = 'suite_mod.py'
exec('''
def good():
    """
    >>> good()
    'good'
    """
    return 'good'

def bad():
    """
    >>> bad()
    'expected'
    """
    return 'actual'

def empty():
    "No examples here."

class Holder:
    """
    >>> Holder().x
    1
    """
    x = 1
''', mod.__dict__)
sys.modules['suite_mod'] = mod

suite = doctest.DocTestSuite(mod)
print(suite.countTestCases())
for case in suite:
    print(repr(case), case.id(), case.shortDescription(), str(case))

stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(mask(stream.getvalue()))
print(result.testsRun, len(result.failures), len(result.errors))

def set_up(test):
    test.globs['name'] = 'set by setUp'
    print('setUp', test.name)

def tear_down(test):
    print('tearDown', test.name)

files = doctest.DocFileSuite('testfile_sample.txt', setUp=set_up,
                             tearDown=tear_down,
                             optionflags=doctest.ELLIPSIS)
for case in files:
    print(os.path.basename(repr(case)), case.id())
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=1).run(files)
print(mask(stream.getvalue()))
print(result.testsRun, len(result.failures))

print(doctest.set_unittest_reportflags(doctest.REPORT_NDIFF))
print(doctest.set_unittest_reportflags(0) == doctest.REPORT_NDIFF)
try:
    doctest.set_unittest_reportflags(doctest.ELLIPSIS)
except ValueError as e:
    print('ValueError:', e.args)
