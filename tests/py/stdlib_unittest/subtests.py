# subTest: failures are reported per sub-test with their parameters, the
# test carries on after one fails, and nested parameters combine.
import unittest
from _show import run


class Sub(unittest.TestCase):
    def test_numbers(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)

    def test_messages(self):
        with self.subTest('first'):
            pass
        with self.subTest('second', kind='x'):
            raise KeyError('k')
        with self.subTest():
            self.assertTrue(False)

    def test_nested(self):
        with self.subTest(a=1):
            with self.subTest(b=2):
                self.fail('inner')

    def test_all_pass(self):
        for word in ('a', 'b'):
            with self.subTest(word=word):
                self.assertIn(word, 'ab')


for verbosity in (1, 2):
    print('--- verbosity', verbosity)
    run(Sub, verbosity)

print('--- failfast')
run(Sub, 1, failfast=True)
