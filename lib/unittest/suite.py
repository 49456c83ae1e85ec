"""TestSuite: an ordered collection of tests, itself runnable as a test.

Design notes
------------
BaseTestSuite only holds tests and runs them in order.  TestSuite adds
the class and module fixtures: setUpClass/tearDownClass and
setUpModule/tearDownModule run when the run crosses into, or out of, a
class or a module.  The crossing is detected by remembering the class of
the previous test on the result (result._last_case_class), so nested
suites share the bookkeeping; only the outermost suite (the one that set
result._inside_run) tears down the last class and module at the end.

A fixture that raises is reported as an error of a stand-in test,
_ErrorHolder, described as e.g. "setUpClass (__main__.T)"; a SkipTest
from it is reported as a skip.  When setUpClass or setUpModule failed,
the tests it guards are not run at all.
"""

import sys

from . import case
from .util import strclass

__unittest = True


def _call_if_present(parent, attr):
    hook = getattr(parent, attr, None)
    if hook is not None:
        hook()


class BaseTestSuite:
    """A list of tests (cases or suites) run one after another."""

    _cleanup = True

    def __init__(self, tests=()):
        # [tests] may be any iterable of tests, even a generator.
        self._tests = []
        self._removed_tests = 0
        self.addTests(tests)

    def __repr__(self):
        return '<%s tests=%s>' % (strclass(self.__class__), list(self))

    def __eq__(self, other):
        if isinstance(other, self.__class__):
            return self._tests == other._tests
        return NotImplemented

    def __iter__(self):
        tests = self._tests
        return iter(tests)

    def countTestCases(self):
        """The number of tests inside, counting through nested suites."""
        total = self._removed_tests
        for test in self:
            if test:
                total += test.countTestCases()
        return total

    def addTest(self, test):
        """Append one test: a TestCase instance, a suite or any callable
        taking a result."""
        if not callable(test):
            raise TypeError('%r is not callable' % (test,))
        if isinstance(test, type) and issubclass(
                test, (case.TestCase, TestSuite)):
            raise TypeError('TestCases and TestSuites must be instantiated '
                            'before passing them to addTest()')
        self._tests += [test]

    def addTests(self, tests):
        """Append every test of the iterable [tests]."""
        if isinstance(tests, str):
            raise TypeError('tests must be an iterable of tests, not a string')
        for test in tests:
            self.addTest(test)

    def run(self, result):
        for position, test in enumerate(self):
            if result.shouldStop:
                break
            test(result)
            if self._cleanup:
                self._forget(position)
        return result

    def _forget(self, position):
        # Drop a finished test so that its resources can be freed, but
        # keep counting it.
        try:
            done = self._tests[position]
        except TypeError:
            return
        counter = getattr(done, 'countTestCases', None)
        if counter is not None:
            self._removed_tests += counter()
        self._tests[position] = None

    def __call__(self, result, *rest, **options):
        return self.run(result, *rest, **options)

    def debug(self):
        """Run the tests without collecting results."""
        for test in self:
            test.debug()


class TestSuite(BaseTestSuite):
    """A suite that also runs class and module fixtures."""

    def run(self, result, debug=False):
        outermost = False
        if getattr(result, '_inside_run', False) is False:
            result._inside_run = outermost = True
        for position, test in enumerate(self):
            if result.shouldStop:
                break
            if _is_case(test):
                self._leave_class(test, result)
                self._enter_module(test, result)
                self._enter_class(test, result)
                result._last_case_class = test.__class__
                if (getattr(test.__class__, '_class_setup_failed', False)
                        or getattr(result, '_module_setup_failed', False)):
                    continue
            if debug:
                test.debug()
            else:
                test(result)
            if self._cleanup:
                self._forget(position)
        if outermost:
            self._leave_class(None, result)
            self._leave_module(result)
            result._inside_run = False
        return result

    def debug(self):
        self.run(_DebugResult(), True)

    # -- class fixtures -------------------------------------------------

    def _enter_class(self, test, result):
        cls = test.__class__
        if cls == getattr(result, '_last_case_class', None):
            return
        if result._module_setup_failed:
            return
        if getattr(cls, '__unittest_skip__', False):
            return
        cls._class_setup_failed = False
        setup = getattr(cls, 'setUpClass', None)
        if setup is None:
            return
        _call_if_present(result, '_setupStdout')
        try:
            cls._class_setup_failed = not self._run_fixture(result, setup, 'setUpClass',
                                                            strclass(cls))
            if cls._class_setup_failed:
                cls.doClassCleanups()
                for info in cls.tearDown_exceptions:
                    self._report_fixture_error(result, info[1], 'setUpClass',
                                               strclass(cls), info)
        finally:
            _call_if_present(result, '_restoreStdout')

    def _leave_class(self, test, result):
        previous = getattr(result, '_last_case_class', None)
        cls = test.__class__
        if cls == previous or previous is None:
            return
        if getattr(previous, '_class_setup_failed', False):
            return
        if getattr(result, '_module_setup_failed', False):
            return
        if getattr(previous, '__unittest_skip__', False):
            return
        teardown = getattr(previous, 'tearDownClass', None)
        cleanups = getattr(previous, 'doClassCleanups', None)
        if teardown is None and cleanups is None:
            return
        _call_if_present(result, '_setupStdout')
        try:
            if teardown is not None:
                self._run_fixture(result, teardown, 'tearDownClass', strclass(previous))
            if cleanups is not None:
                cleanups()
                for info in previous.tearDown_exceptions:
                    if _debugging(result):
                        raise info[1]
                    self._report_fixture_error(result, info[1],
                                               'tearDownClass',
                                               strclass(previous), info)
        finally:
            _call_if_present(result, '_restoreStdout')

    # -- module fixtures ------------------------------------------------

    def _previous_module(self, result):
        previous = getattr(result, '_last_case_class', None)
        if previous is None:
            return None
        return previous.__module__

    def _enter_module(self, test, result):
        previous_module = self._previous_module(result)
        current_module = test.__class__.__module__
        if current_module == previous_module:
            return
        self._leave_module(result)
        result._module_setup_failed = False
        module = sys.modules.get(current_module)
        if module is None:
            return
        setup = getattr(module, 'setUpModule', None)
        if setup is None:
            return
        _call_if_present(result, '_setupStdout')
        try:
            result._module_setup_failed = not self._run_fixture(result, setup, 'setUpModule',
                                                                current_module)
            if result._module_setup_failed:
                try:
                    case.doModuleCleanups()
                except Exception as exc:
                    self._report_fixture_error(result, exc, 'setUpModule',
                                               current_module)
        finally:
            _call_if_present(result, '_restoreStdout')

    def _leave_module(self, result):
        previous_module = self._previous_module(result)
        if previous_module is None or result._module_setup_failed:
            return
        module = sys.modules.get(previous_module)
        if module is None:
            return
        _call_if_present(result, '_setupStdout')
        try:
            teardown = getattr(module, 'tearDownModule', None)
            if teardown is not None:
                self._run_fixture(result, teardown, 'tearDownModule', previous_module)
            self._run_fixture(result, case.doModuleCleanups, 'tearDownModule', previous_module)
        finally:
            _call_if_present(result, '_restoreStdout')

    def _run_fixture(self, result, fixture, method_name, parent):
        """Calls a class or module fixture; an exception it raises is
        reported as that fixture's error (re-raised under debug()).
        True when it ran cleanly."""
        try:
            fixture()
        except Exception as exc:
            if _debugging(result):
                raise
            self._report_fixture_error(result, exc, method_name, parent)
            return False
        return True

    def _report_fixture_error(self, result, exc, method_name, parent,
                              info=None):
        holder = _ErrorHolder('%s (%s)' % (method_name, parent))
        add_skip = getattr(result, 'addSkip', None)
        if add_skip is not None and isinstance(exc, case.SkipTest):
            add_skip(holder, str(exc))
        elif info is not None:
            result.addError(holder, info)
        else:
            result.addError(holder, (type(exc), exc, exc.__traceback__))


def _debugging(result):
    # Under debug() a fixture's exception must reach the caller.
    return type(result) is _DebugResult


def _is_case(test):
    # Suites are iterable; single tests are not.
    try:
        iter(test)
    except TypeError:
        return True
    return False


class _ErrorHolder:
    """Stands in for a test when a class or module fixture fails, so the
    failure can be reported like a test's."""

    failureException = None

    def __init__(self, description):
        # e.g. "setUpClass (module.Class)"
        self.description = description

    def id(self):
        return self.description

    def shortDescription(self):
        return None  # the description says it all

    def __repr__(self):
        return '<ErrorHolder description=%r>' % (self.description,)

    def __str__(self):
        return self.id()

    def run(self, result):
        pass

    def __call__(self, result):
        self.run(result)

    def countTestCases(self):
        return 0  # not a test of its own


class _DebugResult:
    # Lets TestSuite.debug() reuse run(): fixture errors propagate.
    _last_case_class = None
    _module_setup_failed = False
    shouldStop = False
