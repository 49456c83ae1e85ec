# The text runner's report at verbosity 0, 1 and 2: progress characters,
# status words, failure blocks with tracebacks and the summary line.
import unittest
from _show import run


class Mixed(unittest.TestCase):
    def test_pass(self):
        self.assertEqual(1 + 1, 2)

    def test_fail(self):
        self.assertEqual(1, 2)

    def test_error(self):
        {}['missing']

    def test_divide(self):
        x = 0
        y = 10 / x + 1

    @unittest.skip('not today')
    def test_skipped(self):
        pass

    def test_skip_inside(self):
        self.skipTest('inside')

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_xpass(self):
        pass

    def test_doc(self):
        """First line of the doc.

        More text that is not shown.
        """
        self.assertIn(3, [1, 2], 'extra words')


class AllGood(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        pass


for verbosity in (0, 1, 2):
    print('--- verbosity', verbosity)
    run(Mixed, verbosity)
print('--- all good')
run(AllGood)
run(AllGood, 2)
print('--- empty')
run(unittest.TestSuite())
