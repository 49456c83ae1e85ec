# TestLoader name discovery and sorting, loading by name, TestSuite
# bookkeeping, test identity (id, str, repr, equality) and the skip
# decorators applied to classes and methods.
import sys
import unittest
from _show import run


helper_value = 3


class Base(unittest.TestCase):
    def test_b(self):
        pass

    def test_a(self):
        """Doc of a."""

    def helper(self):
        pass

    test_not_callable = 5


class Derived(Base):
    def test_c(self):
        pass


@unittest.skip('class level')
class Skipped(unittest.TestCase):
    def test_1(self):
        pass

    def test_2(self):
        pass


class Conditional(unittest.TestCase):
    @unittest.skipIf(True, 'if true')
    def test_if(self):
        pass

    @unittest.skipIf(False, 'never')
    def test_if_not(self):
        pass

    @unittest.skipUnless(False, 'unless false')
    def test_unless(self):
        pass

    @unittest.skip
    def test_bare(self):
        pass


loader = unittest.TestLoader()
print(loader.getTestCaseNames(Base))
print(loader.getTestCaseNames(Derived))
loader.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
print(loader.getTestCaseNames(Derived))
loader = unittest.TestLoader()
loader.testMethodPrefix = 'help'
print(loader.getTestCaseNames(Base))
loader = unittest.TestLoader()
loader.testNamePatterns = ['*_a', '*Derived.test_c']
print(loader.getTestCaseNames(Derived))

loader = unittest.TestLoader()
suite = loader.loadTestsFromTestCase(Derived)
print(suite.countTestCases(), [t.id() for t in suite])
module_suite = loader.loadTestsFromModule(sys.modules[__name__])
print(module_suite.countTestCases())
print([type(s).__name__ for s in module_suite])
named = loader.loadTestsFromName('Derived.test_a', sys.modules[__name__])
print(list(named))
named = loader.loadTestsFromNames(['Base', 'Skipped.test_2'],
                                  sys.modules[__name__])
print(named.countTestCases())
try:
    loader.loadTestsFromName('helper_value', sys.modules[__name__])
except TypeError as exc:
    print('TypeError:', exc)
missing = loader.loadTestsFromName('Nowhere', sys.modules[__name__])
run(missing, 2)
missing = loader.loadTestsFromName('Base.test_zzz', sys.modules[__name__])
run(missing)

test = Base('test_a')
print(test.id(), '|', str(test), '|', repr(test))
print(test.shortDescription(), Base('test_b').shortDescription())
print(test == Base('test_a'), test == Base('test_b'), test == Derived('test_a'))
print(hash(test) == hash(Base('test_a')), test.countTestCases())
try:
    Base('test_missing')
except ValueError as exc:
    print('ValueError:', exc)

suite = unittest.TestSuite([Base('test_a'), Base('test_b')])
print(repr(suite))
print(suite == unittest.TestSuite([Base('test_a'), Base('test_b')]))
for bad in (5, Base, 'abc'):
    try:
        if isinstance(bad, str):
            suite.addTests(bad)
        else:
            suite.addTest(bad)
    except TypeError as exc:
        print('TypeError:', exc)

run(Skipped, 2)
run(Conditional, 2)

result = unittest.TestResult()
Base('test_a').run(result)
Skipped('test_1').run(result)
print(repr(result), result.skipped[0][1])
print(repr(unittest.TestResult()))


def plain():
    """A plain function test."""


ftc = unittest.FunctionTestCase(plain)
print(ftc.id(), '|', str(ftc), '|', ftc.shortDescription())
run(unittest.TestSuite([ftc]), 2)
