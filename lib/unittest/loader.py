"""TestLoader: finding tests in classes, modules and dotted names.

Design notes
------------
A test is a callable attribute of a TestCase subclass whose name starts
with testMethodPrefix ("test"); one instance of the class is made per such
name.  Names are found through dir(), so inherited tests count, and are
sorted with sortTestMethodsUsing (a cmp function, plain ordering by
default).  testNamePatterns, set by -k, keeps only names whose full id
matches one of the fnmatch patterns (main.py turns a plain -k word into
a "*word*" pattern).

loadTestsFromName resolves "module.Class.test" one dot at a time: it
imports the longest importable prefix, then walks attributes.  A module
that defines load_tests(loader, tests, pattern) decides its own suite.

Discovery of test files on disk is not implemented; discover() raises
NotImplementedError so a caller learns it at once.
"""

import fnmatch
import functools
import sys
import traceback
import types

from . import case, suite
from .util import three_way_cmp

__unittest = True


class TestLoader:
    """Builds suites of tests from classes, modules and names."""

    testMethodPrefix = 'test'
    sortTestMethodsUsing = staticmethod(three_way_cmp)
    testNamePatterns = None
    suiteClass = suite.TestSuite
    _top_level_dir = None

    def __init__(self):
        super().__init__()
        self.errors = []

    def loadTestsFromTestCase(self, testCaseClass):
        """A suite with one test per test method of [testCaseClass]."""
        if issubclass(testCaseClass, suite.BaseTestSuite):
            raise TypeError('Test cases should not be derived from '
                            'TestSuite. Maybe you meant to derive from '
                            'TestCase?')
        names = self.getTestCaseNames(testCaseClass)
        if not names and hasattr(testCaseClass, 'runTest'):
            names = ['runTest']
        return self.suiteClass(map(testCaseClass, names))

    def loadTestsFromModule(self, module, *args, pattern=None, **kws):
        """A suite of every TestCase subclass found in [module]."""
        classes = [value for value in map(lambda attr: getattr(module, attr),
                                          dir(module))
                   if isinstance(value, type)
                   and issubclass(value, case.TestCase)]
        tests = self.suiteClass([self.loadTestsFromTestCase(cls)
                                 for cls in classes])
        # The load_tests protocol: the module may replace the suite.
        hook = getattr(module, 'load_tests', None)
        return tests if hook is None else hook(self, tests, pattern)

    def _resolve(self, name, module):
        # Returns (parent, obj) for the dotted [name].
        parts = name.split('.')
        # The failure to import the longest importable-looking prefix: when
        # a name below it is then missing, that failure is the real cause
        # and is what gets reported ("No module named ..." or the error
        # inside the test module), not the AttributeError.
        import_error = None
        if module is None:
            remaining = parts[:]
            while remaining:
                try:
                    module = __import__('.'.join(remaining))
                    break
                except ImportError as exc:
                    if import_error is None:
                        import_error = exc
                    del remaining[-1]
                    if not remaining:
                        raise
            parts = parts[1:]
        obj = module
        parent = None
        for part in parts:
            try:
                parent = obj
                obj = getattr(parent, part)
            except AttributeError as exc:
                raise _MissingName(part, import_error or exc) from None
        return parent, obj

    def loadTestsFromName(self, name, module=None):
        """The test(s) the dotted [name] refers to, relative to [module]
        when given."""
        try:
            parent, obj = self._resolve(name, module)
        except _MissingName as missing:
            # Reported when the suite runs, as an error of a stand-in
            # test named after the missing attribute.
            self.errors.append('Failed to access attribute:\n%s'
                               % traceback.format_exception_only(
                                   missing.error)[-1])
            return self.suiteClass([_FailedTest(missing.part,
                                                missing.error)])
        if type(obj) is types.ModuleType:
            return self.loadTestsFromModule(obj)
        if _is_case_class(obj):
            return self.loadTestsFromTestCase(obj)
        if (isinstance(obj, types.FunctionType) and isinstance(parent, type)
                and issubclass(parent, case.TestCase)):
            method_name = name.split('.')[-1]
            instance = parent(method_name)
            if not isinstance(getattr(instance, method_name),
                              types.FunctionType):
                return self.suiteClass([instance])
        elif isinstance(obj, suite.TestSuite):
            return obj  # a ready-made suite
        if callable(obj):
            made = obj()
            if isinstance(made, suite.TestSuite):
                return made
            if isinstance(made, case.TestCase):
                return self.suiteClass([made])
            raise TypeError('calling %s returned %s, not a test'
                            % (obj, made))
        raise TypeError("don't know how to make test from: %s" % (obj,))

    def loadTestsFromNames(self, names, module=None):
        """One suite holding the tests of every name in [names]."""
        return self.suiteClass([self.loadTestsFromName(name, module)
                                for name in names])

    def getTestCaseNames(self, testCaseClass):
        """The sorted names of the test methods of [testCaseClass]."""
        prefix = self.testMethodPrefix
        patterns = self.testNamePatterns

        def wanted(attr):
            if not attr.startswith(prefix):
                return False
            if not callable(getattr(testCaseClass, attr)):
                return False
            if patterns is None:
                return True
            full = '%s.%s.%s' % (testCaseClass.__module__,
                                 testCaseClass.__qualname__, attr)
            return any(fnmatch.fnmatchcase(full, pattern)
                       for pattern in patterns)

        names = [attr for attr in dir(testCaseClass) if wanted(attr)]
        order = self.sortTestMethodsUsing
        if order:
            names.sort(key=functools.cmp_to_key(order))
        return names

    def discover(self, start_dir, pattern='test*.py', top_level_dir=None):
        """Not available: gilpy runs single test scripts."""
        raise NotImplementedError('test discovery is not available in gilpy')


class _MissingName(Exception):
    # A dotted name stopped resolving at [part].
    def __init__(self, part, error):
        super().__init__(part)
        self.part = part
        self.error = error


class _FailedTest(case.TestCase):
    # A test that only re-raises the error met while loading it; its one
    # "method" is named after what could not be found.
    _testMethodName = None

    def __init__(self, method_name, exception):
        self._load_error = exception
        super().__init__(method_name)

    def __getattr__(self, name):
        # Only reached for names not found normally: the one test name
        # yields the failing test, anything else is a true miss.
        if name == self._testMethodName:
            error = self._load_error

            def testFailure():
                raise error
            return testFailure
        return super().__getattribute__(name)


def _is_case_class(obj):
    return isinstance(obj, type) and issubclass(obj, case.TestCase)


defaultTestLoader = TestLoader()


def _loader_with(prefix, sortUsing, suiteClass=None, testNamePatterns=None):
    # A loader configured like the one the old module functions built.
    made = TestLoader()
    made.testMethodPrefix, made.sortTestMethodsUsing = prefix, sortUsing
    made.testNamePatterns = testNamePatterns
    if suiteClass:
        made.suiteClass = suiteClass
    return made


def getTestCaseNames(testCaseClass, prefix, sortUsing=three_way_cmp,
                     testNamePatterns=None):
    """Deprecated: use TestLoader.getTestCaseNames."""
    loader = _loader_with(prefix, sortUsing,
                          testNamePatterns=testNamePatterns)
    return loader.getTestCaseNames(testCaseClass)


def makeSuite(testCaseClass, prefix='test', sortUsing=three_way_cmp,
              suiteClass=suite.TestSuite):
    """Deprecated: use TestLoader.loadTestsFromTestCase."""
    loader = _loader_with(prefix, sortUsing, suiteClass)
    return loader.loadTestsFromTestCase(testCaseClass)


def findTestCases(module, prefix='test', sortUsing=three_way_cmp,
                  suiteClass=suite.TestSuite):
    """Deprecated: use TestLoader.loadTestsFromModule."""
    loader = _loader_with(prefix, sortUsing, suiteClass)
    return loader.loadTestsFromModule(module)
