"""TestResult: the record of a test run.

Design notes
------------
A result is told about every test as it runs (startTest, one of the add*
calls, stopTest) and keeps what a report needs: lists of (test, text)
pairs for errors, failures and expected failures, (test, reason) pairs for
skips, and the tests that passed although expected to fail.  The text is
the formatted traceback, produced at once so that the exception and its
frames can be released.

Those tracebacks are cleaned first.  Entries belonging to frames of this
package (their module globals define __unittest) are cut from the start
of the chain, so the report begins at the test method; for assertion
failures the trailing entries inside the assert method are cut too, so
the last line shown is the test's own call.  Chained exceptions
(__cause__, __context__) are cleaned the same way.

With buffer=True, sys.stdout and sys.stderr are swapped for StringIO
objects for each test, and what a failing test printed is appended to
its report (and echoed to the real streams).
"""

import io
import sys
import traceback

from .util import strclass

__unittest = True

_STDOUT_LINE = '\nStdout:\n%s'
_STDERR_LINE = '\nStderr:\n%s'


def _stops_on_failure(method):
    # Decorates the add* methods that make failfast stop the run.
    def checked(self, *args, **kwargs):
        if getattr(self, 'failfast', False):
            self.stop()
        return method(self, *args, **kwargs)
    checked.__name__ = method.__name__
    checked.__doc__ = method.__doc__
    return checked


class TestResult:
    """Counts and records the outcome of each test."""

    _last_case_class = None
    _inside_run = False
    _module_setup_failed = False

    def __init__(self, stream=None, descriptions=None, verbosity=None):
        # The three arguments are accepted for TextTestResult's sake and
        # ignored here.
        self.failfast = False
        self.failures = []
        self.errors = []
        self.testsRun = 0
        self.skipped = []
        self.expectedFailures, self.unexpectedSuccesses = [], []
        self.shouldStop = False
        self.buffer = False
        self.tb_locals = False
        self._captured_out = self._captured_err = None
        self._real_stdout, self._real_stderr = sys.stdout, sys.stderr
        self._echo_captured = False

    def printErrors(self):
        """Called once the run is over; plain results print nothing."""

    def startTest(self, test):
        """[test] is about to run."""
        self.testsRun += 1
        self._echo_captured = False
        self._setupStdout()

    def _setupStdout(self):
        if self.buffer:
            if self._captured_out is None:
                self._captured_out, self._captured_err = (io.StringIO(),
                                                          io.StringIO())
            sys.stdout, sys.stderr = self._captured_out, self._captured_err

    def startTestRun(self):
        """Called once before any test runs."""

    def stopTest(self, test):
        """[test] has finished, whatever its outcome."""
        self._restoreStdout()
        self._echo_captured = False

    def _restoreStdout(self):
        if not self.buffer:
            return
        if self._echo_captured:
            printed = sys.stdout.getvalue()
            complained = sys.stderr.getvalue()
            if printed:
                if not printed.endswith('\n'):
                    printed += '\n'
                self._real_stdout.write(_STDOUT_LINE % printed)
            if complained:
                if not complained.endswith('\n'):
                    complained += '\n'
                self._real_stderr.write(_STDERR_LINE % complained)
        sys.stdout, sys.stderr = self._real_stdout, self._real_stderr
        for buf in (self._captured_out, self._captured_err):
            buf.seek(0)
            buf.truncate()

    def stopTestRun(self):
        """Called once after every test has run."""

    @_stops_on_failure
    def addError(self, test, err):
        """[test] raised something other than its failureException."""
        self._record(self.errors, test, err)
        self._echo_captured = True

    @_stops_on_failure
    def addFailure(self, test, err):
        """An assertion of [test] failed."""
        self._record(self.failures, test, err)
        self._echo_captured = True

    def addSubTest(self, test, subtest, err):
        """[err] is None when the sub-test passed."""
        if err is None:
            return
        if self.failfast:
            self.stop()
        failed = issubclass(err[0], test.failureException)
        text = self._exc_info_to_string(err, test)
        (self.failures if failed else self.errors).append((subtest, text))
        self._echo_captured = True

    def _record(self, into, test, err):
        into.append((test, self._exc_info_to_string(err, test)))

    def addSuccess(self, test):
        """Passing tests are only counted, by startTest."""

    def addSkip(self, test, reason):
        """[test] was skipped, for [reason]."""
        entry = (test, reason)
        self.skipped.append(entry)

    def addExpectedFailure(self, test, err):
        text = self._exc_info_to_string(err, test)
        self.expectedFailures.append((test, text))

    @_stops_on_failure
    def addUnexpectedSuccess(self, test):
        """[test] was marked @expectedFailure but passed."""
        surprises = self.unexpectedSuccesses
        surprises.append(test)

    def wasSuccessful(self):
        """True when nothing failed, errored or unexpectedly passed."""
        if self.failures or self.errors:
            return False
        return not getattr(self, 'unexpectedSuccesses', ())

    def stop(self):
        """Ask the run to stop after the current test."""
        self.shouldStop = True

    def _exc_info_to_string(self, err, test):
        exc_type, value, tb = err
        tb = self._clean_tracebacks(exc_type, value, tb, test)
        report = traceback.TracebackException(
            exc_type, value, tb, capture_locals=self.tb_locals, compact=True)
        lines = list(report.format())
        if self.buffer:
            printed = sys.stdout.getvalue()
            complained = sys.stderr.getvalue()
            if printed:
                if not printed.endswith('\n'):
                    printed += '\n'
                lines.append(_STDOUT_LINE % printed)
            if complained:
                if not complained.endswith('\n'):
                    complained += '\n'
                lines.append(_STDERR_LINE % complained)
        return ''.join(lines)

    def _clean_tracebacks(self, exc_type, value, tb, test):
        first_tb = None
        is_first = True
        pending = [(exc_type, value, tb)]
        seen = {id(value)}
        while pending:
            exc_type, value, tb = pending.pop()
            while tb is not None and _is_ours(tb):
                tb = tb.tb_next
            if exc_type is test.failureException:
                _cut_trailing_frames(tb)
            if is_first:
                first_tb = tb
                is_first = False
            else:
                value.__traceback__ = tb  # chained: cleaned in place
            if value is None:
                continue
            for linked in (value.__cause__, value.__context__):
                if linked is not None and id(linked) not in seen:
                    seen.add(id(linked))
                    pending.append((type(linked), linked,
                                    linked.__traceback__))
        return first_tb

    def __repr__(self):
        return '<%s run=%i errors=%i failures=%i>' % (
            strclass(self.__class__), self.testsRun, len(self.errors),
            len(self.failures))


def _is_ours(tb):
    frame_globals = tb.tb_frame.f_globals
    return '__unittest' in frame_globals


def _cut_trailing_frames(tb):
    # Keep the entries up to the last one outside this package.
    last_kept = None
    while tb is not None and not _is_ours(tb):
        last_kept = tb
        tb = tb.tb_next
    if last_kept is not None:
        last_kept.tb_next = None
