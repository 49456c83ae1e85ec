# Order of setUp/tearDown, setUpClass/tearDownClass, module fixtures and
# cleanups; failing fixtures reported as errors of a stand-in test.
import unittest
from _show import run

log = []


def setUpModule():
    log.append('setUpModule')


def tearDownModule():
    log.append('tearDownModule')


class Ordered(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')
        cls.addClassCleanup(log.append, 'class cleanup')

    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass')

    def setUp(self):
        log.append('setUp ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup 1 ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup 2 ' + self._testMethodName)

    def tearDown(self):
        log.append('tearDown ' + self._testMethodName)

    def test_a(self):
        log.append('test_a')

    def test_b(self):
        log.append('test_b')
        self.fail('b fails')


class BadSetUp(unittest.TestCase):
    def setUp(self):
        self.addCleanup(log.append, 'cleanup after bad setUp')
        raise RuntimeError('setUp broke')

    def tearDown(self):
        log.append('never: tearDown after bad setUp')

    def test_x(self):
        log.append('never: test_x')


class BadClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise ValueError('class setup broke')

    def test_y(self):
        log.append('never: test_y')


class SkipClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest('whole class skipped')

    def test_z(self):
        pass


class BadCleanup(unittest.TestCase):
    def test_c(self):
        def broken():
            raise OSError('cleanup broke')
        self.addCleanup(broken)
        log.append('test_c')


class Context:
    def __enter__(self):
        log.append('enter')
        return 'value'

    def __exit__(self, *exc):
        log.append('exit')


class Contexts(unittest.TestCase):
    def test_enter(self):
        log.append(self.enterContext(Context()))

    def test_not_cm(self):
        with self.assertRaises(TypeError) as cm:
            self.enterContext(42)
        log.append(str(cm.exception))


suite = unittest.TestSuite()
loader = unittest.TestLoader()
for cls in (Ordered, BadSetUp, BadClass, SkipClass, BadCleanup, Contexts):
    suite.addTests(loader.loadTestsFromTestCase(cls))
run(suite, 2)
for entry in log:
    print(entry)
