# The failure message of every assert method, checked against CPython's
# text, including the diffs below the first line and maxDiff.
import unittest
import warnings

tc = unittest.TestCase()


def show(label, func, *args, **kwargs):
    try:
        func(*args, **kwargs)
    except AssertionError as exc:
        print('%s: %s' % (label, exc))
    except Exception as exc:
        print('%s raised %s: %s' % (label, type(exc).__name__, exc))
    else:
        print('%s: passed' % label)


show('eq ints', tc.assertEqual, 1, 2)
show('eq ok', tc.assertEqual, 'a', 'a')
show('eq msg', tc.assertEqual, 1, 2, 'custom')
show('eq mixed types', tc.assertEqual, [1, 2], (1, 2))
show('eq list', tc.assertEqual, [1, 2, 3], [1, 2, 4])
show('eq list longer', tc.assertEqual, [1, 2, 3, 4], [1, 2])
show('eq list shorter', tc.assertEqual, [1], [1, 'x', 'y'])
show('eq tuple', tc.assertEqual, (1, 'a'), (1, 'b'))
show('eq dict', tc.assertEqual, {'a': 1, 'b': 2}, {'a': 1, 'b': 3})
show('eq set', tc.assertEqual, {1, 2}, {2, 3})
show('eq frozenset', tc.assertEqual, frozenset([1]), frozenset())
show('eq str', tc.assertEqual, 'hello\nworld\n', 'hello\nword\n')
show('eq str one line', tc.assertEqual, 'spam', 'spom')
show('eq str no newline', tc.assertEqual, 'a\nb', 'a\nc')
show('eq long repr', tc.assertEqual, 'x' * 100 + 'a', 'x' * 100 + 'b')
show('eq long list', tc.assertEqual, list(range(50)), list(range(49)) + [0])
show('eq long ints', tc.assertEqual, 10 ** 90, 10 ** 90 + 1)
show('ne', tc.assertNotEqual, 3, 3)
show('true', tc.assertTrue, 0)
show('true list', tc.assertTrue, [])
show('false', tc.assertFalse, 'x')
show('is', tc.assertIs, 1, None)
show('is not', tc.assertIsNot, None, None)
show('is none', tc.assertIsNone, 5)
show('is not none', tc.assertIsNotNone, None)
show('in', tc.assertIn, 'z', 'abc')
show('not in', tc.assertNotIn, 2, {1: 0, 2: 0})
show('isinstance', tc.assertIsInstance, 1, str)
show('isinstance tuple', tc.assertIsInstance, 1, (str, bytes))
show('not isinstance', tc.assertNotIsInstance, 1, int)
show('almost', tc.assertAlmostEqual, 1.0, 1.1)
show('almost ok', tc.assertAlmostEqual, 1.0, 1.00000001)
show('almost places', tc.assertAlmostEqual, 1.0, 1.01, places=1)
show('almost places fail', tc.assertAlmostEqual, 1.0, 1.01, places=3)
show('almost delta', tc.assertAlmostEqual, 10, 13, delta=2)
show('almost both', tc.assertAlmostEqual, 10, 13, places=2, delta=2)
show('not almost', tc.assertNotAlmostEqual, 1.0, 1.00000001)
show('not almost delta', tc.assertNotAlmostEqual, 10, 11, delta=2)
show('greater', tc.assertGreater, 1, 2)
show('greater equal', tc.assertGreaterEqual, 1, 2)
show('less', tc.assertLess, 2, 1)
show('less equal', tc.assertLessEqual, 'b', 'a')
show('count', tc.assertCountEqual, [1, 1, 2, 3], [1, 2, 2, 4])
show('count ok', tc.assertCountEqual, 'abca', 'aabc')
show('count unhashable', tc.assertCountEqual, [[1], [2]], [[2], [3]])
show('regex', tc.assertRegex, 'hello', r'\d+')
show('not regex', tc.assertNotRegex, 'abc123', r'\d+')
show('seq', tc.assertSequenceEqual, 'abc', 'abd')
show('seq types', tc.assertSequenceEqual, [1, 2], (1, 2))
show('list type', tc.assertListEqual, (1,), [1])
show('tuple type', tc.assertTupleEqual, (1,), [1])
show('dict type', tc.assertDictEqual, [], {})
show('multiline type', tc.assertMultiLineEqual, b'x', 'x')
show('set no difference', tc.assertSetEqual, set(), 1)
show('fail', tc.fail, 'stop here')
show('fail none', tc.fail)

tc.longMessage = False
show('short msg', tc.assertEqual, 1, 2, 'only this')
show('short no msg', tc.assertEqual, 1, 2)
tc.longMessage = True

tc.maxDiff = 20
show('maxDiff', tc.assertEqual, [1, 2, 3], [1, 2, 4])
tc.maxDiff = None
show('maxDiff none', tc.assertEqual, {'k': 'v' * 30}, {'k': 'w' * 30})

with warnings.catch_warnings():
    warnings.simplefilter('ignore', DeprecationWarning)
    show('subset', tc.assertDictContainsSubset, {'a': 2}, {'a': 1, 'b': 2})
    show('subset missing', tc.assertDictContainsSubset, {'x': 1, 'y': 2}, {})
    show('subset both', tc.assertDictContainsSubset, {'a': 1, 'z': 0},
         {'a': 2})
    show('subset ok', tc.assertDictContainsSubset, {'a': 1}, {'a': 1, 'b': 2})
    show('alias', tc.assertEquals, 1, 2)
    show('alias ok', tc.failUnless, True)
