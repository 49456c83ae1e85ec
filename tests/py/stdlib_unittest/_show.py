# Helper: run a suite on a StringIO stream and print the report with the
# parts that vary between runs (elapsed time, directories) masked.
import io
import re
import unittest


def run(suite_or_class, verbosity=1, **kwargs):
    if isinstance(suite_or_class, type):
        suite_or_class = unittest.TestLoader().loadTestsFromTestCase(
            suite_or_class)
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, verbosity=verbosity,
                                     **kwargs)
    result = runner.run(suite_or_class)
    text = stream.getvalue()
    text = re.sub(r'in \d+\.\d+s', 'in X.XXXs', text)
    text = re.sub(r'File "[^"]*/', 'File "', text)
    print(text, end='')
    print('run=%d failures=%d errors=%d skipped=%d xfail=%d xpass=%d ok=%s'
          % (result.testsRun, len(result.failures), len(result.errors),
             len(result.skipped), len(result.expectedFailures),
             len(result.unexpectedSuccesses), result.wasSuccessful()))
    return result
