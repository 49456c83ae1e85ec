"""TestCase, the skip decorators and the assert methods.

Design notes
------------
A TestCase instance stands for one test method.  run() drives it through
its parts (setUp, the method, tearDown, then every cleanup) and each part
runs inside _Outcome.part(), the single place where exceptions are sorted:

* SkipTest marks the test skipped;
* an exception while the test expects to fail (@expectedFailure) is kept
  as the expected failure;
* an instance of failureException is a failure, anything else an error;
* _StopTest only ends the test quietly (a failed subTest under failfast).

A failed part stops later parts except the cleanups, which always run.
Only when every part succeeded is the test reported as a success (or as
an expected failure / unexpected success).

subTest() reuses the same executor with the _SubTest as the reported
test, so a failing sub-test is recorded and the method carries on.

The assert methods build CPython's exact "standard message" and hand it
to _formatMessage(), which combines it with the caller's msg= according
to longMessage.  assertEqual dispatches on the (identical) type of both
arguments to the richer list/tuple/dict/set/str comparisons, which add a
difflib diff below the first line, cut off past maxDiff characters.

Every module in this package sets the global __unittest; result.py drops
traceback entries from such frames so that a failure report shows the
test's own line and not the machinery that raised it.
"""

import collections
import contextlib
import difflib
import functools
import pprint
import re
import sys
import types
import warnings

from .util import safe_repr, strclass, shorten_pair, count_differences

__unittest = True

_DIFF_TOO_LONG = ('\nDiff is %s characters long. '
                  'Set self.maxDiff to None to see it.')


class SkipTest(Exception):
    """Raise this from a test, or from setUp, to skip the test."""


class _StopTest(Exception):
    # Ends a test silently; raised by subTest() when failfast is set and a
    # sub-test failed, so that the other sub-tests are not run.
    pass


def _report_skip(result, test, reason):
    add_skip = getattr(result, 'addSkip', None)
    if add_skip is not None:
        add_skip(test, reason)
    else:
        warnings.warn('TestResult has no addSkip method, skips not reported',
                      RuntimeWarning, 2)
        result.addSuccess(test)


def _report_exception(result, test, info):
    # Failures are exceptions of the test's own failureException class;
    # anything else the test raised is an error.
    if result is None or info is None:
        return
    is_failure = issubclass(info[0], test.failureException)
    (result.addFailure if is_failure else result.addError)(test, info)


class _Outcome:
    """What happened so far while one test ran."""

    def __init__(self, sink=None):
        self.result = sink
        self.expect_failure = False
        self.success = True
        self.expected_info = None
        self.takes_subtests = hasattr(sink, 'addSubTest')

    @contextlib.contextmanager
    def part(self, test, subtest=False):
        # One part of a test.  The outcome stays failed once any part has
        # failed, which is why the previous state is and-ed back in.
        earlier = self.success
        self.success = True
        try:
            yield
        except KeyboardInterrupt:  # never swallowed
            raise
        except SkipTest as exc:
            self.success = False
            _report_skip(self.result, test, str(exc))
        except _StopTest:
            pass
        except BaseException:
            info = sys.exc_info()
            if self.expect_failure:
                self.expected_info = info
            else:
                self.success = False
                if subtest:
                    self.result.addSubTest(test.test_case, test, info)
                else:
                    _report_exception(self.result, test, info)
            info = None
        else:
            if subtest and self.success:
                self.result.addSubTest(test.test_case, test, None)
        finally:
            self.success = self.success and earlier


# Cleanups registered with addModuleCleanup, run after tearDownModule.
_module_cleanup_stack = []


def addModuleCleanup(function, /, *args, **kwargs):
    """Call [function] after tearDownModule, last added first."""
    _module_cleanup_stack.append((function, args, kwargs))


def enterModuleContext(cm):
    """Enter [cm] now and exit it as a module cleanup."""
    enter, leave = _context_methods(cm)
    value = enter(cm)
    addModuleCleanup(leave, cm, None, None, None)
    return value


def doModuleCleanups():
    """Run the module cleanups; the first exception among them, if any,
    is raised once all have run."""
    raised = []
    while _module_cleanup_stack:
        func, pargs, kwargs = _module_cleanup_stack.pop()
        try:
            func(*pargs, **kwargs)
        except Exception as exc:
            raised.append(exc)
    if raised:
        raise raised[0]


def _keep(obj):
    return obj


def skip(reason):
    """Mark a test method or a whole TestCase class as skipped."""
    def mark(item):
        if not isinstance(item, type):
            @functools.wraps(item)
            def skipped(*args, **kwargs):
                raise SkipTest(reason)
            item = skipped
        item.__unittest_skip__ = True
        item.__unittest_skip_why__ = reason
        return item
    if isinstance(reason, types.FunctionType):
        # Used bare, as @skip without a reason.
        item, reason = reason, ''
        return mark(item)
    return mark


def skipIf(condition, reason):
    """Skip the decorated test when [condition] is true."""
    return skip(reason) if condition else _keep


def skipUnless(condition, reason):
    """Skip the decorated test unless [condition] is true."""
    return _keep if condition else skip(reason)


def expectedFailure(test_item):
    """Mark a test as one that is known to fail."""
    test_item.__unittest_expect_failure__ = True
    return test_item


def _is_exception_class(obj):
    return isinstance(obj, type) and issubclass(obj, BaseException)


def _callable_name(obj):
    for attr in ('__qualname__', '__name__'):
        try:
            return getattr(obj, attr)
        except AttributeError:
            pass
    return str(obj)


class _CheckContext:
    # Shared by assertRaises and assertWarns: both are context managers
    # that may also be called with a callable and its arguments.

    def __init__(self, api_name, expected, test_case, expected_regex=None):
        if not self._acceptable(expected):
            raise TypeError('%s() arg 1 must be %s' % (api_name, self._kind))
        self.expected = expected
        self.test_case = test_case
        if expected_regex is not None:
            expected_regex = re.compile(expected_regex)
        self.expected_regex = expected_regex
        self.obj_name = None
        self.msg = None

    def _acceptable(self, expected):
        # A class derived from _base, or a (possibly nested, possibly
        # empty) tuple of them.
        if isinstance(expected, tuple):
            return all(self._acceptable(item) for item in expected)
        return isinstance(expected, type) and issubclass(expected, self._base)

    def _fail(self, standard):
        text = self.test_case._formatMessage(self.msg, standard)
        raise self.test_case.failureException(text)

    def _expected_name(self):
        try:
            return self.expected.__name__
        except AttributeError:
            return str(self.expected)

    def handle(self, args, kwargs):
        if not args:
            self.msg = kwargs.pop('msg', None)
            if kwargs:
                key = next(iter(kwargs))
                raise TypeError('%r is an invalid keyword argument for '
                                'this function' % (key,))
            return self
        func = args[0]
        self.obj_name = _callable_name(func)
        try:
            with self:
                func(*args[1:], **kwargs)
        finally:
            # Break the cycle through the test case.
            self = None


class _RaisesContext(_CheckContext):
    _base = BaseException
    _kind = 'an exception type or tuple of exception types'

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            what = self._expected_name()
            if self.obj_name:
                self._fail('%s not raised by %s' % (what, self.obj_name))
            self._fail('%s not raised' % (what,))
        if not issubclass(exc_type, self.expected):
            # Not ours: let it propagate unchanged.
            return False
        self.exception = exc_value
        if self.expected_regex is not None:
            text = str(exc_value)
            if not self.expected_regex.search(text):
                self._fail('"%s" does not match "%s"'
                           % (self.expected_regex.pattern, text))
        return True


class _WarnsContext(_CheckContext):
    _base = Warning
    _kind = 'a warning type or tuple of warning types'

    def __enter__(self):
        # Earlier "once"/"default" deliveries are remembered in each
        # module's registry; forget them so the warning shows again.
        for module in list(sys.modules.values()):
            registry = getattr(module, '__warningregistry__', None)
            if isinstance(registry, dict):
                registry.clear()
        self._catcher = warnings.catch_warnings(record=True)
        self._caught = self._catcher.__enter__()
        warnings.simplefilter('always', self.expected)
        return self

    def __exit__(self, exc_type, exc_value, tb):
        self._catcher.__exit__(exc_type, exc_value, tb)
        if exc_type is not None:
            return None
        mismatch = None
        for record in self._caught:
            message = record.message
            if not isinstance(message, self.expected):
                continue
            if mismatch is None:
                mismatch = message
            if (self.expected_regex is not None
                    and not self.expected_regex.search(str(message))):
                continue
            self.warning = message
            self.filename = record.filename
            self.lineno = record.lineno
            return None
        if mismatch is not None:
            self._fail('"%s" does not match "%s"'
                       % (self.expected_regex.pattern, str(mismatch)))
        what = self._expected_name()
        if self.obj_name:
            self._fail('%s not triggered by %s' % (what, self.obj_name))
        self._fail('%s not triggered' % (what,))


class _SubTestParams(collections.ChainMap):
    # Parameters of nested sub-tests: the innermost wins, and iteration
    # gives each key once, innermost first (ChainMap's own order would
    # put the outermost first).  _SubTest iterates keys rather than
    # calling items(), which gilpy's ChainMap does not route through
    # this method.
    def __iter__(self):
        seen = set()
        for mapping in self.maps:
            for key in mapping:
                if key not in seen:
                    seen.add(key)
                    yield key


_NO_MESSAGE = object()

# The comparisons assertEqual uses when both values have this exact type.
_RICH_EQUALITY = (
    (dict, 'assertDictEqual'), (list, 'assertListEqual'),
    (tuple, 'assertTupleEqual'), (set, 'assertSetEqual'),
    (frozenset, 'assertSetEqual'), (str, 'assertMultiLineEqual'),
)

# What indexing a sequence may raise when its length lied.
_INDEXING_ERRORS = (TypeError, IndexError, NotImplementedError)
_LENGTH_ERRORS = (TypeError, NotImplementedError)


class TestCase:
    """One test: a method of a subclass whose name starts with "test"."""

    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    # Strings longer than this are compared without a diff, which would
    # be too slow to compute.
    _diffThreshold = 2 ** 16
    _class_setup_failed = False
    _class_cleanup_stack = []

    def __init_subclass__(cls, *args, **kwargs):
        cls._class_setup_failed = False
        cls._class_cleanup_stack = []
        super().__init_subclass__(*args, **kwargs)

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._outcome = None
        self._testMethodDoc = 'No test'
        try:
            method = getattr(self, methodName)
        except AttributeError:
            if methodName != 'runTest':
                # runTest may be missing: the case is then built only to
                # call its assert methods from outside a test run.
                raise ValueError('no such test method in %s: %s'
                                 % (self.__class__, methodName))
        else:
            # Read the docstring from the function itself: a bound method
            # object may answer __doc__ with its own type's text.
            self._testMethodDoc = getattr(method, '__func__', method).__doc__
        self._cleanups = []
        self._subtest = None
        self._equality_by_type = {}
        # Method names rather than bound methods, to avoid a reference
        # cycle through the instance.
        for kind, checker in _RICH_EQUALITY:
            self.addTypeEqualityFunc(kind, checker)

    def addTypeEqualityFunc(self, typeobj, function):
        """Let assertEqual compare two [typeobj] values with [function]."""
        table = self._equality_by_type
        table[typeobj] = function

    # -- cleanups and fixtures ------------------------------------------

    def addCleanup(self, function, /, *args, **kwargs):
        """Call [function] after tearDown, last added first."""
        self._cleanups.append((function, args, kwargs))

    def enterContext(self, cm):
        """Enter the context manager [cm] and exit it as a cleanup."""
        enter, leave = _context_methods(cm)
        value = enter(cm)
        self.addCleanup(leave, cm, None, None, None)
        return value

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        """Call [function] after tearDownClass, last added first."""
        cls._class_cleanup_stack.append((function, args, kwargs))

    @classmethod
    def enterClassContext(cls, cm):
        """Enter [cm] now and exit it as a class cleanup."""
        enter, leave = _context_methods(cm)
        value = enter(cm)
        cls.addClassCleanup(leave, cm, None, None, None)
        return value

    def setUp(self):
        """Runs before each test method."""

    def tearDown(self):
        """Runs after each test method whose setUp succeeded."""

    @classmethod
    def setUpClass(cls):
        """Runs once before the first test of the class."""

    @classmethod
    def tearDownClass(cls):
        """Runs once after the last test of the class."""

    def doCleanups(self):
        """Run every pending cleanup; true if all of them succeeded."""
        outcome = self._outcome or _Outcome()
        while self._cleanups:
            func, pargs, kwargs = self._cleanups.pop()
            with outcome.part(self):
                self._callCleanup(func, *pargs, **kwargs)
        return outcome.success

    @classmethod
    def doClassCleanups(cls):
        """Run the class cleanups, keeping their exceptions in
        tearDown_exceptions for the suite to report."""
        cls.tearDown_exceptions = []
        while cls._class_cleanup_stack:
            func, pargs, kwargs = cls._class_cleanup_stack.pop()
            try:
                func(*pargs, **kwargs)
            except Exception:
                cls.tearDown_exceptions.append(sys.exc_info())

    # -- identity -------------------------------------------------------

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        from .result import TestResult
        return TestResult()

    def shortDescription(self):
        """The first line of the test method's docstring, or None."""
        doc = self._testMethodDoc
        if not doc:
            return None
        return doc.strip().split('\n')[0].strip()

    def id(self):
        return '%s.%s' % (strclass(self.__class__), self._testMethodName)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __str__(self):
        name = self._testMethodName
        return '%s (%s.%s)' % (name, strclass(self.__class__), name)

    def __repr__(self):
        return '<%s testMethod=%s>' % (strclass(self.__class__),
                                       self._testMethodName)

    # -- running --------------------------------------------------------

    @contextlib.contextmanager
    def subTest(self, msg=_NO_MESSAGE, **params):
        """Run the body as a sub-test: its failure is reported with [msg]
        and [params] and the enclosing test goes on."""
        outcome = self._outcome
        if outcome is None or not outcome.takes_subtests:
            yield
            return
        parent = self._subtest
        if parent is None:
            mapping = _SubTestParams(params)
        else:
            mapping = parent.params.new_child(params)
        self._subtest = _SubTest(self, msg, mapping)
        try:
            with outcome.part(self._subtest, subtest=True):
                yield
            if not outcome.success:
                result = outcome.result
                if result is not None and result.failfast:
                    raise _StopTest
            elif outcome.expected_info:
                # The expected failure happened: nothing more to learn.
                raise _StopTest
        finally:
            self._subtest = parent

    def _callSetUp(self):
        self.setUp()

    def _callTestMethod(self, method):
        if method() is not None:
            warnings.warn('It is deprecated to return a value that is not '
                          'None from a test case (%s)' % (method,),
                          DeprecationWarning, stacklevel=3)

    def _callTearDown(self):
        self.tearDown()

    def _callCleanup(self, func, /, *pargs, **kwargs):
        func(*pargs, **kwargs)

    def run(self, result=None):
        """Run the test, reporting to [result] (a fresh TestResult when
        none is given); returns the result."""
        stop_run = None
        if result is None:
            result = self.defaultTestResult()
            start_run = getattr(result, 'startTestRun', None)
            stop_run = getattr(result, 'stopTestRun', None)
            if start_run is not None:
                start_run()
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            cls = self.__class__
            if (getattr(cls, '__unittest_skip__', False)
                    or getattr(method, '__unittest_skip__', False)):
                why = (getattr(cls, '__unittest_skip_why__', '')
                       or getattr(method, '__unittest_skip_why__', ''))
                _report_skip(result, self, why)
                return result
            expecting = (
                getattr(self, '__unittest_expect_failure__', False)
                or getattr(method, '__unittest_expect_failure__', False))
            outcome = _Outcome(result)
            try:
                self._outcome = outcome
                self._run_parts(outcome, method, expecting)
                if outcome.success:
                    self._report_success(result, outcome, expecting)
                return result
            finally:
                # The outcome holds exc_info tuples whose frames refer
                # back to this test; drop them now.
                outcome.result = None
                outcome.expected_info = None
                self._outcome = None
        finally:
            result.stopTest(self)
            if stop_run is not None:
                stop_run()

    def _run_parts(self, outcome, method, expecting):
        with outcome.part(self):
            self._callSetUp()
        if outcome.success:
            outcome.expect_failure = expecting
            with outcome.part(self):
                self._callTestMethod(method)
            outcome.expect_failure = False
            with outcome.part(self):
                self._callTearDown()
        self.doCleanups()

    def _report_success(self, result, outcome, expecting):
        if not expecting:
            result.addSuccess(self)
        elif outcome.expected_info:
            add = getattr(result, 'addExpectedFailure', None)
            if add is not None:
                add(self, outcome.expected_info)
            else:
                warnings.warn('TestResult has no addExpectedFailure method, '
                              'reporting as passes', RuntimeWarning)
                result.addSuccess(self)
        else:
            add = getattr(result, 'addUnexpectedSuccess', None)
            if add is not None:
                add(self)
            else:
                warnings.warn('TestResult has no addUnexpectedSuccess '
                              'method, reporting as failure', RuntimeWarning)
                try:
                    raise self.failureException
                except self.failureException:
                    result.addFailure(self, sys.exc_info())

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def debug(self):
        """Run the test without a result: exceptions propagate."""
        method = getattr(self, self._testMethodName)
        cls = self.__class__
        if (getattr(cls, '__unittest_skip__', False)
                or getattr(method, '__unittest_skip__', False)):
            why = (getattr(cls, '__unittest_skip_why__', '')
                   or getattr(method, '__unittest_skip_why__', ''))
            raise SkipTest(why)
        self._callSetUp()
        self._callTestMethod(method)
        self._callTearDown()
        while self._cleanups:
            func, pargs, kwargs = self._cleanups.pop()
            self._callCleanup(func, *pargs, **kwargs)

    def skipTest(self, reason):
        """Skip this test now."""
        raise SkipTest(reason)

    def fail(self, msg=None):
        """Fail at once with [msg]."""
        raise self.failureException(msg)

    # -- messages -------------------------------------------------------

    def _formatMessage(self, msg, standardMsg):
        # With longMessage the caller's text is appended to ours; without
        # it, it replaces ours.
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        try:
            return '%s : %s' % (standardMsg, msg)
        except UnicodeDecodeError:
            return '%s : %s' % (safe_repr(standardMsg), safe_repr(msg))

    def _truncateMessage(self, message, diff):
        limit = self.maxDiff
        if limit is None or len(diff) <= limit:
            return message + diff
        return message + (_DIFF_TOO_LONG % len(diff))

    # -- truth and identity ---------------------------------------------

    def assertTrue(self, expr, msg=None):
        """Fail unless [expr] is truthy."""
        if not expr:
            standard = '%s is not true' % safe_repr(expr)
            raise self.failureException(self._formatMessage(msg, standard))

    def assertFalse(self, expr, msg=None):
        """Fail unless [expr] is falsy."""
        if expr:
            standard = '%s is not false' % safe_repr(expr)
            raise self.failureException(self._formatMessage(msg, standard))

    def assertIs(self, expr1, expr2, msg=None):
        """Fail unless both arguments are the very same object."""
        if expr1 is not expr2:
            standard = '%s is not %s' % (safe_repr(expr1), safe_repr(expr2))
            self.fail(self._formatMessage(msg, standard))

    def assertIsNot(self, expr1, expr2, msg=None):
        """Fail when both arguments are the very same object."""
        if expr1 is expr2:
            standard = 'unexpectedly identical: %s' % (safe_repr(expr1),)
            self.fail(self._formatMessage(msg, standard))

    def assertIsNone(self, obj, msg=None):
        """Fail unless [obj] is None."""
        if obj is not None:
            standard = '%s is not None' % (safe_repr(obj),)
            self.fail(self._formatMessage(msg, standard))

    def assertIsNotNone(self, obj, msg=None):
        """Fail when [obj] is None."""
        if obj is None:
            self.fail(self._formatMessage(msg, 'unexpectedly None'))

    def assertIn(self, member, container, msg=None):
        """Fail unless [member] is in [container]."""
        if member not in container:
            standard = '%s not found in %s' % (safe_repr(member),
                                               safe_repr(container))
            self.fail(self._formatMessage(msg, standard))

    def assertNotIn(self, member, container, msg=None):
        """Fail when [member] is in [container]."""
        if member in container:
            standard = '%s unexpectedly found in %s' % (safe_repr(member),
                                                        safe_repr(container))
            self.fail(self._formatMessage(msg, standard))

    def assertIsInstance(self, obj, cls, msg=None):
        """Fail unless isinstance(obj, cls) holds."""
        if not isinstance(obj, cls):
            standard = '%s is not an instance of %r' % (safe_repr(obj), cls)
            self.fail(self._formatMessage(msg, standard))

    def assertNotIsInstance(self, obj, cls, msg=None):
        """Fail when isinstance(obj, cls) holds."""
        if isinstance(obj, cls):
            standard = '%s is an instance of %r' % (safe_repr(obj), cls)
            self.fail(self._formatMessage(msg, standard))

    # -- exceptions and warnings ----------------------------------------

    def assertRaises(self, expected_exception, *args, **kwargs):
        """Check that the callable in [args] (or the with-block) raises
        [expected_exception]; the context keeps it as .exception."""
        context = _RaisesContext('assertRaises', expected_exception, self)
        try:
            return context.handle(args, kwargs)
        finally:
            context = None

    def assertRaisesRegex(self, expected_exception, expected_regex,
                          *args, **kwargs):
        """Like assertRaises, and str() of the exception must match
        [expected_regex]."""
        context = _RaisesContext('assertRaisesRegex', expected_exception,
                                 self, expected_regex)
        return context.handle(args, kwargs)

    def assertWarns(self, expected_warning, *args, **kwargs):
        """Check that the callable in [args] (or the with-block) issues
        [expected_warning]."""
        context = _WarnsContext('assertWarns', expected_warning, self)
        return context.handle(args, kwargs)

    def assertWarnsRegex(self, expected_warning, expected_regex,
                         *args, **kwargs):
        """Like assertWarns, and the warning text must match
        [expected_regex]."""
        context = _WarnsContext('assertWarnsRegex', expected_warning,
                                self, expected_regex)
        return context.handle(args, kwargs)

    def assertLogs(self, logger=None, level=None):
        """Check that the block logs at least one record at [level] or
        above."""
        from ._log import LogsContext
        return LogsContext(self, logger, level, no_logs=False)

    def assertNoLogs(self, logger=None, level=None):
        """Check that the block logs nothing at [level] or above."""
        from ._log import LogsContext
        return LogsContext(self, logger, level, no_logs=True)

    # -- equality -------------------------------------------------------

    def _getAssertEqualityFunc(self, first, second):
        # Only values of exactly the same type get the richer comparison;
        # a list compared with a subclass of list gets the plain one.
        if type(first) is type(second):
            found = self._equality_by_type.get(type(first))
            if found is not None:
                if isinstance(found, str):
                    found = getattr(self, found)
                return found
        return self._baseAssertEqual

    def _baseAssertEqual(self, first, second, msg=None):
        if not first == second:
            standard = '%s != %s' % shorten_pair(first, second)
            raise self.failureException(self._formatMessage(msg, standard))

    def assertEqual(self, first, second, msg=None):
        """Fail unless first == second."""
        compare = self._getAssertEqualityFunc(first, second)
        compare(first, second, msg=msg)

    def assertNotEqual(self, first, second, msg=None):
        """Fail when first == second."""
        if not first != second:
            standard = '%s == %s' % (safe_repr(first), safe_repr(second))
            raise self.failureException(self._formatMessage(msg, standard))

    def assertAlmostEqual(self, first, second, places=None, msg=None,
                          delta=None):
        """Fail unless the difference rounds to zero at [places] decimal
        places (7 by default) or is at most [delta]."""
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError('specify delta or places not both')
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = '%s != %s within %s delta (%s difference)' % (
                safe_repr(first), safe_repr(second), safe_repr(delta),
                safe_repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = '%s != %s within %r places (%s difference)' % (
                safe_repr(first), safe_repr(second), places, safe_repr(diff))
        raise self.failureException(self._formatMessage(msg, standard))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None,
                             delta=None):
        """The opposite of assertAlmostEqual."""
        if delta is not None and places is not None:
            raise TypeError('specify delta or places not both')
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = '%s == %s within %s delta (%s difference)' % (
                safe_repr(first), safe_repr(second), safe_repr(delta),
                safe_repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = '%s == %s within %r places' % (
                safe_repr(first), safe_repr(second), places)
        raise self.failureException(self._formatMessage(msg, standard))

    def _require_type(self, seq, seq_type, which):
        if not isinstance(seq, seq_type):
            raise self.failureException('%s sequence is not a %s: %s' % (
                which, seq_type.__name__, safe_repr(seq)))

    def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
        """Compare two sequences item by item; the failure message names
        the first differing index and shows a diff."""
        if seq_type is not None:
            kind = seq_type.__name__
            self._require_type(seq1, seq_type, 'First')
            self._require_type(seq2, seq_type, 'Second')
        else:
            kind = 'sequence'
        report = self._sequence_difference(seq1, seq2, kind, seq_type)
        if report is None:
            return
        left = pprint.pformat(seq1).splitlines()
        right = pprint.pformat(seq2).splitlines()
        diff = '\n' + '\n'.join(difflib.ndiff(left, right))
        report = self._truncateMessage(report, diff)
        self.fail(self._formatMessage(msg, report))

    def _sequence_difference(self, seq1, seq2, kind, seq_type):
        # The text above the diff, or None when the sequences are equal.
        try:
            len1 = len(seq1)
        except _LENGTH_ERRORS:
            return 'First %s has no length.    Non-sequence?' % kind
        try:
            len2 = len(seq2)
        except _LENGTH_ERRORS:
            return 'Second %s has no length.    Non-sequence?' % kind
        if seq1 == seq2:
            return None
        text = '%ss differ: %s != %s\n' % (
            (kind.capitalize(),) + shorten_pair(seq1, seq2))
        for i in range(min(len1, len2)):
            try:
                item1 = seq1[i]
            except _INDEXING_ERRORS:
                text += '\nUnable to index element %d of first %s\n' % (
                    i, kind)
                break
            try:
                item2 = seq2[i]
            except _INDEXING_ERRORS:
                text += '\nUnable to index element %d of second %s\n' % (
                    i, kind)
                break
            if item1 != item2:
                text += '\nFirst differing element %d:\n%s\n%s\n' % (
                    (i,) + shorten_pair(item1, item2))
                break
        else:
            if len1 == len2 and seq_type is None and type(seq1) != type(seq2):
                # Equal items in sequences of different types count as
                # equal here.
                return None
        if len1 != len2:
            longer, extra, index = ('First', seq1, len2) if len1 > len2 \
                else ('Second', seq2, len1)
            text += '\n%s %s contains %d additional elements.\n' % (
                longer, kind, abs(len1 - len2))
            try:
                text += 'First extra element %d:\n%s\n' % (
                    index, safe_repr(extra[index]))
            except _INDEXING_ERRORS:
                text += 'Unable to index element %d of %s %s\n' % (
                    index, longer.lower(), kind)
        return text

    def assertListEqual(self, list1, list2, msg=None):
        """assertSequenceEqual restricted to two lists."""
        self.assertSequenceEqual(list1, list2, msg, seq_type=list)

    def assertTupleEqual(self, tuple1, tuple2, msg=None):
        """assertSequenceEqual restricted to two tuples."""
        self.assertSequenceEqual(tuple1, tuple2, msg, seq_type=tuple)

    def _set_difference(self, a, b, which):
        """a - b for assertSetEqual, failing the test with CPython's words
        when [a] (the [which] argument) cannot take a difference."""
        try:
            return a.difference(b)
        except TypeError as exc:
            self.fail('invalid type when attempting set difference: %s' % exc)
        except AttributeError as exc:
            self.fail('%s argument does not support set difference: %s' % (which, exc))

    def assertSetEqual(self, set1, set2, msg=None):
        """Compare two sets, listing the items found in only one."""
        only_first = self._set_difference(set1, set2, 'first')
        only_second = self._set_difference(set2, set1, 'second')
        if not (only_first or only_second):
            return
        lines = []
        if only_first:
            lines.append('Items in the first set but not the second:')
            lines.extend(repr(item) for item in only_first)
        if only_second:
            lines.append('Items in the second set but not the first:')
            lines.extend(repr(item) for item in only_second)
        self.fail(self._formatMessage(msg, '\n'.join(lines)))

    def assertDictEqual(self, d1, d2, msg=None):
        """Compare two dicts, showing a diff of their pretty-printed forms."""
        self.assertIsInstance(d1, dict, 'First argument is not a dictionary')
        self.assertIsInstance(d2, dict,
                              'Second argument is not a dictionary')
        if d1 == d2:
            return
        standard = '%s != %s' % shorten_pair(d1, d2)
        left = pprint.pformat(d1).splitlines()
        right = pprint.pformat(d2).splitlines()
        diff = '\n' + '\n'.join(difflib.ndiff(left, right))
        standard = self._truncateMessage(standard, diff)
        self.fail(self._formatMessage(msg, standard))

    def assertDictContainsSubset(self, subset, dictionary, msg=None):
        """Deprecated: fail unless every item of [subset] is also an item
        of [dictionary]."""
        warnings.warn('assertDictContainsSubset is deprecated',
                      DeprecationWarning)
        absent = [key for key in subset if key not in dictionary]
        different = ['%s, expected: %s, actual: %s'
                     % (safe_repr(key), safe_repr(wanted),
                        safe_repr(dictionary[key]))
                     for key, wanted in subset.items()
                     if key in dictionary and wanted != dictionary[key]]
        parts = []
        if absent:
            parts.append('Missing: ' + ','.join(map(safe_repr, absent)))
        if different:
            parts.append('Mismatched values: ' + ','.join(different))
        if parts:
            self.fail(self._formatMessage(msg, '; '.join(parts)))

    def assertCountEqual(self, first, second, msg=None):
        """Fail unless both iterables hold the same elements the same
        number of times, in any order."""
        differences = count_differences(list(first), list(second))
        if not differences:
            return
        standard = 'Element counts were not equal:\n'
        detail = '\n'.join('First has %d, Second has %d:  %r' % entry
                           for entry in differences)
        standard = self._truncateMessage(standard, detail)
        self.fail(self._formatMessage(msg, standard))

    def assertMultiLineEqual(self, first, second, msg=None):
        """Compare two strings, showing a line diff when they differ."""
        self.assertIsInstance(first, str, 'First argument is not a string')
        self.assertIsInstance(second, str,
                              'Second argument is not a string')
        if first == second:
            return
        if (len(first) > self._diffThreshold
                or len(second) > self._diffThreshold):
            self._baseAssertEqual(first, second, msg)
        left = first.splitlines(True)
        right = second.splitlines(True)
        if len(left) == 1 and first.strip('\r\n') == first:
            # A single bare line: end both with a newline so that ndiff's
            # hint lines ("?") are set on lines of their own.
            left = [first + '\n']
            right = [second + '\n']
        diff = '\n' + ''.join(difflib.ndiff(left, right))
        standard = '%s != %s' % shorten_pair(first, second)
        standard = self._truncateMessage(standard, diff)
        self.fail(self._formatMessage(msg, standard))

    # -- ordering -------------------------------------------------------

    def _compare_fail(self, a, b, relation, msg):
        standard = '%s not %s %s' % (safe_repr(a), relation, safe_repr(b))
        self.fail(self._formatMessage(msg, standard))

    def assertLess(self, a, b, msg=None):
        """Fail unless a < b."""
        if not a < b:
            self._compare_fail(a, b, 'less than', msg)

    def assertLessEqual(self, a, b, msg=None):
        """Fail unless a <= b."""
        if not a <= b:
            self._compare_fail(a, b, 'less than or equal to', msg)

    def assertGreater(self, a, b, msg=None):
        """Fail unless a > b."""
        if not a > b:
            self._compare_fail(a, b, 'greater than', msg)

    def assertGreaterEqual(self, a, b, msg=None):
        """Fail unless a >= b."""
        if not a >= b:
            self._compare_fail(a, b, 'greater than or equal to', msg)

    # -- regular expressions --------------------------------------------

    def assertRegex(self, text, expected_regex, msg=None):
        """Fail unless [expected_regex] matches somewhere in [text]."""
        if isinstance(expected_regex, (str, bytes)):
            assert expected_regex, "expected_regex must not be empty."
            expected_regex = re.compile(expected_regex)
        if not expected_regex.search(text):
            standard = "Regex didn't match: %r not found in %r" % (
                expected_regex.pattern, text)
            raise self.failureException(self._formatMessage(msg, standard))

    def assertNotRegex(self, text, unexpected_regex, msg=None):
        """Fail when [unexpected_regex] matches somewhere in [text]."""
        if isinstance(unexpected_regex, (str, bytes)):
            unexpected_regex = re.compile(unexpected_regex)
        found = unexpected_regex.search(text)
        if found:
            standard = 'Regex matched: %r matches %r in %r' % (
                text[found.start():found.end()], unexpected_regex.pattern,
                text)
            raise self.failureException(self._formatMessage(msg, standard))

    # -- deprecated spellings -------------------------------------------

    def _old_name(new):
        def alias(self, *args, **kwargs):
            warnings.warn('Please use %s instead.' % new.__name__,
                          DeprecationWarning, 2)
            return new(self, *args, **kwargs)
        return alias

    failUnlessEqual = assertEquals = _old_name(assertEqual)
    failIfEqual = assertNotEquals = _old_name(assertNotEqual)
    failUnlessAlmostEqual = assertAlmostEquals = _old_name(assertAlmostEqual)
    failIfAlmostEqual = assertNotAlmostEquals = _old_name(
        assertNotAlmostEqual)
    failUnless = assert_ = _old_name(assertTrue)
    failUnlessRaises = _old_name(assertRaises)
    failIf = _old_name(assertFalse)
    assertRaisesRegexp = _old_name(assertRaisesRegex)
    assertRegexpMatches = _old_name(assertRegex)
    assertNotRegexpMatches = _old_name(assertNotRegex)
    del _old_name


def _context_methods(cm):
    # Looked up on the type, as the with statement does.
    cls = type(cm)
    try:
        return cls.__enter__, cls.__exit__
    except AttributeError:
        raise TypeError("'%s.%s' object does not support the context "
                        "manager protocol"
                        % (cls.__module__, cls.__qualname__)) from None


class FunctionTestCase(TestCase):
    """A test made of a plain function, with optional set-up and
    tear-down functions."""

    def __init__(self, testFunc, setUp=None, tearDown=None,
                 description=None):
        super().__init__()
        self._before = setUp
        self._after = tearDown
        self._body = testFunc
        self._summary = description

    def setUp(self):
        if self._before is not None:
            self._before()

    def tearDown(self):
        if self._after is not None:
            self._after()

    def runTest(self):
        self._body()

    def id(self):
        return self._body.__name__

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        mine = (self._before, self._after, self._body,
                self._summary)
        theirs = (other._before, other._after, other._body,
                  other._summary)
        return mine == theirs

    def __hash__(self):
        return hash((type(self), self._before, self._after,
                     self._body, self._summary))

    def __str__(self):
        return '%s (%s)' % (strclass(self.__class__),
                            self._body.__name__)

    def __repr__(self):
        return '<%s tec=%s>' % (strclass(self.__class__), self._body)

    def shortDescription(self):
        if self._summary is not None:
            return self._summary
        doc = self._body.__doc__
        return doc and doc.split('\n')[0].strip() or None


class _SubTest(TestCase):
    # The stand-in reported for a failing subTest() block.

    def __init__(self, test_case, message, params):
        super().__init__()
        self._message = message
        self.test_case = test_case
        self.params = params
        self.failureException = test_case.failureException

    def runTest(self):
        raise NotImplementedError('subtests cannot be run directly')

    def _subDescription(self):
        parts = []
        if self._message is not _NO_MESSAGE:
            parts.append('[%s]' % (self._message,))
        if self.params:
            shown = ', '.join('%s=%r' % (key, self.params[key])
                              for key in self.params)
            parts.append('(%s)' % shown)
        return ' '.join(parts) or '(<subtest>)'

    def id(self):
        return '%s %s' % (self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return '%s %s' % (self.test_case, self._subDescription())
