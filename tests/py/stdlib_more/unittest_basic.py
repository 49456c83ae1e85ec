# unittest: TestCase fixtures and assertions, skips, expected failures,
# subTest, the text runner's report and unittest.main's exit status.
# The run time in "Ran N tests in T.TTTs" is replaced before printing.
import io
import re
import sys
import unittest

events = []


def clean(text):
    text = re.sub(r'in \d+\.\d+s', 'in T.TTTs', text)
    return re.sub(r'File "[^"]*/([^"/]+)"', r'File "\1"', text)


class Fixtures(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        events.append("setUp " + self._testMethodName)
        self.addCleanup(events.append, "cleanup " + self._testMethodName)

    def tearDown(self):
        events.append("tearDown " + self._testMethodName)

    def test_one(self):
        events.append("one")

    def test_two(self):
        events.append("two")


class Passing(unittest.TestCase):
    def test_asserts(self):
        self.assertEqual(1 + 1, 2)
        self.assertNotEqual(1, 2)
        self.assertTrue([1])
        self.assertFalse("")
        self.assertIs(None, None)
        self.assertIsNot(1, None)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, [1, 2])
        self.assertNotIn(3, [1, 2])
        self.assertIsInstance(1, int)
        self.assertNotIsInstance(1, str)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        self.assertNotAlmostEqual(1.0, 1.1)
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertRegex("hello world", r"wor")
        self.assertNotRegex("hello", r"\d")
        self.assertEqual({"a": 1}, {"a": 1})
        self.assertEqual((1, 2), (1, 2))
        self.assertEqual({1, 2}, {2, 1})
        self.assertEqual("abc", "abc")

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), "division by zero")
        self.assertRaises(ValueError, int, "x")
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("y")
        with self.assertRaises((KeyError, IndexError)):
            [][0]

    def test_warns(self):
        import warnings
        with self.assertWarns(UserWarning) as cm:
            warnings.warn("careful")
        self.assertEqual(str(cm.warning), "careful")
        with self.assertWarnsRegex(RuntimeWarning, "car+"):
            warnings.warn("carrot", RuntimeWarning)


class Mixed(unittest.TestCase):
    def test_a_fail(self):
        self.assertEqual(1, 2)

    def test_b_error(self):
        raise KeyError("missing")

    @unittest.skip("not today")
    def test_c_skip(self):
        pass

    @unittest.skipIf(True, "condition held")
    def test_d_skipif(self):
        pass

    @unittest.skipUnless(True, "never")
    def test_e_skipunless(self):
        pass

    @unittest.expectedFailure
    def test_f_xfail(self):
        self.assertTrue(False)

    @unittest.expectedFailure
    def test_g_xpass(self):
        pass

    def test_h_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertNotEqual(i % 2, 1)

    def test_i_skiptest(self):
        self.skipTest("skipped inside")

    def test_j_msg(self):
        self.assertTrue(0, "custom message")

    def test_k_raises_fail(self):
        with self.assertRaises(ValueError):
            pass

    def test_l_in(self):
        self.assertIn("x", "abc")

    def test_m_fail(self):
        self.fail("explicit")

    def test_n_almost(self):
        self.assertAlmostEqual(1.0, 1.1)

    def test_o_is_none(self):
        self.assertIsNone(5)

    def test_p_chained(self):
        try:
            raise KeyError("k")
        except KeyError:
            raise RuntimeError("while handling")

    def test_q_long(self):
        self.assertEqual("a" * 100, "a" * 99 + "b")

    def test_r_countequal(self):
        self.assertCountEqual([1, 1, 2], [1, 2, 2])

    def test_s_regex(self):
        self.assertRaisesRegex(ValueError, "^zzz", int, "q")

    def test_t_greater(self):
        self.assertGreater(1, 2, msg="extra")


@unittest.skip("whole class")
class SkippedClass(unittest.TestCase):
    def test_x(self):
        pass


def run(case, verbosity=1):
    stream = io.StringIO()
    suite = unittest.TestLoader().loadTestsFromTestCase(case)
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity).run(suite)
    print(clean(stream.getvalue()), end="")
    print("result:", result.testsRun, len(result.failures), len(result.errors),
          len(result.skipped), len(result.expectedFailures),
          len(result.unexpectedSuccesses), result.wasSuccessful())
    return result


run(Fixtures)
print(events)
run(Passing, verbosity=2)
run(Mixed)
run(Mixed, verbosity=2)
run(SkippedClass, verbosity=2)

loader = unittest.TestLoader()
print(loader.getTestCaseNames(Mixed)[:3])
suite = unittest.TestSuite()
suite.addTest(Passing("test_asserts"))
suite.addTests([Fixtures("test_one")])
print(suite.countTestCases(), str(Passing("test_asserts")), repr(Passing("test_raises")))
print(Passing("test_asserts").id())
try:
    Passing("nope")
except ValueError as e:
    print(e)

# unittest.main: report on stderr, exit status 1 on failure.
saved = sys.stderr
sys.stderr = io.StringIO()
try:
    unittest.main(argv=["prog", "Mixed.test_a_fail", "Passing"])
except SystemExit as e:
    code = e.code
out = sys.stderr.getvalue()
sys.stderr = saved
print(clean(out), end="")
print("exit code", code)

sys.stderr = io.StringIO()
prog = unittest.main(argv=["prog", "Passing"], exit=False)
out = sys.stderr.getvalue()
sys.stderr = saved
print(clean(out), end="")
print(prog.result.wasSuccessful())
