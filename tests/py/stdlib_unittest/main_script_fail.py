# The usual shape of a test script: unittest.main() at the bottom. The
# report goes to stderr and a failed run exits with status 1. The clock
# is frozen so that "Ran N tests in 0.000s" is the same on every run.
import time
import unittest

time.perf_counter = lambda: 0.0


class Numbers(unittest.TestCase):
    def test_add(self):
        self.assertEqual(2 + 2, 4)

    def test_list(self):
        self.assertEqual([1, 2, 3], [1, 2, 3, 4])

    def test_error(self):
        return int('seven')

    def test_dict(self):
        self.assertDictEqual({'a': 1}, {'a': 1, 'b': 2}, 'dicts differ')

    @unittest.skipUnless(False, 'needs a feature')
    def test_feature(self):
        pass


if __name__ == '__main__':
    print('starting')
    unittest.main()
