"""gilpy's unittest: test cases, suites, loaders and a text runner.

Design notes
------------
The package has CPython 3.11's public names and output format, since the
conformance scripts it exists for compare their output with CPython's.
The work is split by role, one module each:

* case.py   - TestCase with its assert methods, the skip decorators,
              subTest, cleanups;
* suite.py  - TestSuite, including class and module fixtures;
* loader.py - TestLoader, turning classes, modules and names into suites;
* result.py - TestResult, the record of a run, with cleaned tracebacks;
* runner.py - TextTestRunner/TextTestResult, the printed report;
* main.py   - unittest.main(), the command-line entry point;
* signals.py - the Control-C handler behind -c;
* async_case.py - IsolatedAsyncioTestCase, loaded on first use so that
              importing unittest does not import asyncio.

Not provided: unittest.mock, test discovery (python -m unittest
discover) and the --locals variable dump.
"""

__all__ = ['TestResult', 'TestCase', 'IsolatedAsyncioTestCase',
           'TestSuite', 'TextTestRunner', 'TestLoader', 'FunctionTestCase',
           'main', 'defaultTestLoader', 'SkipTest', 'skip', 'skipIf',
           'skipUnless', 'expectedFailure', 'TextTestResult',
           'installHandler', 'registerResult', 'removeResult',
           'removeHandler', 'addModuleCleanup', 'doModuleCleanups',
           'enterModuleContext', 'getTestCaseNames', 'makeSuite',
           'findTestCases']

__unittest = True

from .result import TestResult
from .case import (addModuleCleanup, TestCase, FunctionTestCase, SkipTest,
                   skip, skipIf, skipUnless, expectedFailure,
                   doModuleCleanups, enterModuleContext)
from .suite import BaseTestSuite, TestSuite
from .loader import (TestLoader, defaultTestLoader, makeSuite,
                     getTestCaseNames, findTestCases)
from .main import main, TestProgram
from .runner import TextTestRunner, TextTestResult
from .signals import (installHandler, registerResult, removeResult,
                      removeHandler)


def __getattr__(name):
    # IsolatedAsyncioTestCase needs asyncio, which is costly to import;
    # load it only when a script asks for it.
    if name == 'IsolatedAsyncioTestCase':
        global IsolatedAsyncioTestCase
        from .async_case import IsolatedAsyncioTestCase
        return IsolatedAsyncioTestCase
    raise AttributeError('module %r has no attribute %r' % (__name__, name))
