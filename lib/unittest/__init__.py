"""unittest: the xUnit-style test framework.

Design notes
------------
The package is split like CPython's, in fewer files: case.py holds TestCase,
the assertions and the skip decorators; runner.py holds suites, the loader,
results, TextTestRunner and main(). Everything public is re-exported here,
so `unittest.TestCase` and `unittest.main()` work as usual. unittest.mock
and test discovery from the command line are not provided.
"""

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase', 'TestSuite',
           'TextTestRunner', 'TestLoader', 'FunctionTestCase', 'main',
           'defaultTestLoader', 'SkipTest', 'skip', 'skipIf', 'skipUnless',
           'expectedFailure', 'TextTestResult', 'installHandler',
           'registerResult', 'removeResult', 'removeHandler',
           'addModuleCleanup', 'getTestCaseNames', 'makeSuite', 'findTestCases']

__unittest = True

from unittest.case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest,
                           skip, skipIf, skipUnless, expectedFailure, doModuleCleanups)
from unittest.runner import (TestResult, TextTestResult, TextTestRunner, BaseTestSuite,
                             TestSuite, TestLoader, defaultTestLoader, TestProgram, main)


def getTestCaseNames(testCaseClass, prefix, sortUsing=None, testNamePatterns=None):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.testNamePatterns = testNamePatterns
    if sortUsing:
        loader.sortTestMethodsUsing = sortUsing
    return loader.getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.suiteClass = suiteClass
    if sortUsing:
        loader.sortTestMethodsUsing = sortUsing
    return loader.loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=None, suiteClass=TestSuite):
    loader = TestLoader()
    loader.testMethodPrefix = prefix
    loader.suiteClass = suiteClass
    return loader.loadTestsFromModule(module)


def installHandler():
    """Ctrl-C handling during runs is not installed by gilpy's unittest."""


def removeHandler(method=None):
    return method


def registerResult(result):
    pass


def removeResult(result):
    return False


def __getattr__(name):
    if name == 'IsolatedAsyncioTestCase':
        from unittest.async_case import IsolatedAsyncioTestCase
        return IsolatedAsyncioTestCase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
