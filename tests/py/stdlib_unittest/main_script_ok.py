# unittest.main(verbosity=2) on passing tests: the verbose report on
# stderr and exit status 0; stdout printed by tests stays on stdout.
import time
import unittest

time.perf_counter = lambda: 0.0


class Strings(unittest.TestCase):
    """Tests of str methods."""

    def test_upper(self):
        """upper() makes capitals."""
        print('in test_upper')
        self.assertEqual('abc'.upper(), 'ABC')

    def test_split(self):
        self.assertEqual('a b'.split(), ['a', 'b'])

    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertEqual('a' * 2, 'aaa')

    def test_subtests(self):
        for word in ('x', 'yy'):
            with self.subTest(word=word):
                self.assertTrue(word)


if __name__ == '__main__':
    unittest.main(verbosity=2)
