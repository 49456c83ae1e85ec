"""TextTestRunner and TextTestResult: running a suite and printing it.

Design notes
------------
The text is CPython 3.11's, character for character, since scripts and
their expected output are compared against it:

* verbosity 1 prints one character per test (. F E s x u), verbosity 2
  a line "description ... status", verbosity 0 nothing while running;
* then each error and failure as a block between a line of "=" and a
  line of "-" holding the cleaned traceback;
* then a line of "-", "Ran N tests in S.SSSs", an empty line and the
  verdict: "OK" or "FAILED", followed by the non-zero counters in
  parentheses.

Everything goes to the runner's stream, sys.stderr unless another one is
given.  The stream is wrapped in _WritelnDecorator for its writeln().

A sub-test's status is printed on a line of its own, indented by two
spaces, which is why the result tracks whether the cursor is at the
start of a line (_newline).
"""

import sys
import time
import warnings

from . import result
from . import case, signals

__unittest = True


class _WritelnDecorator:
    """A file-like object with an extra writeln() method."""

    def __init__(self, stream):
        self.stream = stream

    def __getattr__(self, name):
        # Everything but writeln is the wrapped stream's.  'stream' itself
        # must not recurse while the object is half built (copy, pickle).
        if name in ('stream', '__getstate__'):
            raise AttributeError(name)
        return getattr(self.stream, name)

    def writeln(self, line=None):
        """Write [line], if any, then a newline."""
        self.write((line or '') + '\n')


class TextTestResult(result.TestResult):
    """A TestResult that reports progress on a stream as tests run."""

    separator1 = '=' * 70
    separator2 = '-' * 70

    def __init__(self, stream, descriptions, verbosity):
        super().__init__(stream, descriptions, verbosity)
        self.stream, self.descriptions = stream, descriptions
        # Verbosity 2 and above print a line per test, 1 a character.
        self.showAll, self.dots = verbosity >= 2, verbosity == 1
        self._newline = True

    def getDescription(self, test):
        """How [test] is named in the report: str(test), followed on a
        second line by its short description when descriptions are on."""
        first_doc_line = test.shortDescription()
        if self.descriptions and first_doc_line:
            return '%s\n%s' % (test, first_doc_line)
        return str(test)

    def startTest(self, test):
        super().startTest(test)
        if self.showAll:
            self.stream.write('%s ... ' % self.getDescription(test))
            self.stream.flush()
            self._newline = False

    def _write_status(self, test, status):
        nested = isinstance(test, case._SubTest)
        if nested or self._newline:
            # The status cannot follow an open "... " line: start a line
            # that names the test again.
            if not self._newline:
                self.stream.writeln()
            indent = '  ' if nested else ''
            self.stream.write('%s%s ... ' % (indent,
                                             self.getDescription(test)))
        self.stream.write(status + '\n')
        self.stream.flush()
        self._newline = True

    def _progress(self, test, word, char):
        if self.showAll:
            self._write_status(test, word)
        elif self.dots:
            self.stream.write(char)
            self.stream.flush()

    def addSubTest(self, test, subtest, err):
        if err is not None:
            failed = issubclass(err[0], subtest.failureException)
            word = 'FAIL' if failed else 'ERROR'
            self._progress(subtest, word, word[0])
        super().addSubTest(test, subtest, err)

    def addSuccess(self, test):
        super().addSuccess(test)
        self._progress(test, 'ok', '.')

    def addError(self, test, err):
        super().addError(test, err)
        self._progress(test, 'ERROR', 'E')

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._progress(test, 'FAIL', 'F')

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._progress(test, 'skipped %r' % (reason,), 's')

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._progress(test, 'expected failure', 'x')

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._progress(test, 'unexpected success', 'u')

    def printErrors(self):
        """Print the error and failure blocks, once the run is over."""
        if self.showAll or self.dots:
            # End the line of progress characters (or the last status).
            self.stream.writeln()
            self.stream.flush()
        for flavour, entries in (('ERROR', self.errors),
                                 ('FAIL', self.failures)):
            self.printErrorList(flavour, entries)
        surprises = getattr(self, 'unexpectedSuccesses', ())
        if surprises:
            self.stream.write(self.separator1 + '\n')
            for test in surprises:
                self.stream.writeln('UNEXPECTED SUCCESS: %s'
                                    % self.getDescription(test))
            self.stream.flush()

    def printErrorList(self, flavour, errors):
        """One block per (test, traceback text) entry of [errors]."""
        for test, text in errors:
            block = (self.separator1,
                     '%s: %s' % (flavour, self.getDescription(test)),
                     self.separator2, text)
            self.stream.write('\n'.join(block) + '\n')
            self.stream.flush()


class TextTestRunner:
    """Runs a test and prints its progress and a summary on a stream."""

    resultclass = TextTestResult

    def __init__(self, stream=None, descriptions=True, verbosity=1,
                 failfast=False, buffer=False, resultclass=None,
                 warnings=None, *, tb_locals=False):
        # The default stream is looked up now, not at import time, so a
        # script that replaced sys.stderr gets its own.
        self.stream = _WritelnDecorator(sys.stderr if stream is None
                                        else stream)
        self.descriptions, self.verbosity = descriptions, verbosity
        self.failfast, self.buffer = failfast, buffer
        self.tb_locals, self.warnings = tb_locals, warnings
        self.resultclass = resultclass or type(self).resultclass

    def _makeResult(self):
        return self.resultclass(self.stream, self.descriptions,
                                self.verbosity)

    def run(self, test):
        """Run [test] and print the report; returns the result."""
        outcome = self._makeResult()
        signals.registerResult(outcome)
        outcome.failfast = self.failfast
        outcome.buffer = self.buffer
        outcome.tb_locals = self.tb_locals
        # Warning filters set by the tests are undone after the run.
        with warnings.catch_warnings():
            mode = self.warnings
            if mode:
                warnings.simplefilter(mode)
            started = time.perf_counter()
            start_run = getattr(outcome, 'startTestRun', None)
            if start_run is not None:
                start_run()
            try:
                test(outcome)
            finally:
                stop_run = getattr(outcome, 'stopTestRun', None)
                if stop_run is not None:
                    stop_run()
            elapsed = time.perf_counter() - started
        outcome.printErrors()
        if hasattr(outcome, 'separator2'):
            self.stream.writeln(outcome.separator2)
        count = outcome.testsRun
        self.stream.writeln('Ran %d test%s in %.3fs'
                            % (count, '' if count == 1 else 's', elapsed))
        self.stream.writeln()
        self._write_verdict(outcome)
        self.stream.flush()
        return outcome

    def _write_verdict(self, outcome):
        try:
            expected = len(outcome.expectedFailures)
            surprising = len(outcome.unexpectedSuccesses)
            skipped = len(outcome.skipped)
        except AttributeError:
            expected = surprising = skipped = 0
        counters = []
        if outcome.wasSuccessful():
            self.stream.write('OK')
        else:
            self.stream.write('FAILED')
            if outcome.failures:
                counters.append('failures=%d' % len(outcome.failures))
            if outcome.errors:
                counters.append('errors=%d' % len(outcome.errors))
        if skipped:
            counters.append('skipped=%d' % skipped)
        if expected:
            counters.append('expected failures=%d' % expected)
        if surprising:
            counters.append('unexpected successes=%d' % surprising)
        if counters:
            self.stream.writeln(' (%s)' % ', '.join(counters))
        else:
            self.stream.write('\n')
