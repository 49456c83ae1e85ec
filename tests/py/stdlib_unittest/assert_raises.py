# assertRaises / assertRaisesRegex / assertWarns in both forms: the
# context manager keeps .exception, a wrong exception propagates, and
# the failure messages name the callable.
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


with tc.assertRaises(ValueError) as cm:
    int('nope')
print('caught:', type(cm.exception).__name__, cm.exception.args)

with tc.assertRaises((KeyError, IndexError)) as cm:
    [][1]
print('tuple caught:', type(cm.exception).__name__)

show('callable ok', tc.assertRaises, ZeroDivisionError, lambda: 1 / 0)
show('callable args', tc.assertRaises, ValueError, int, 'x', base=10)
show('not raised by', tc.assertRaises, ValueError, int, '5')


def quiet():
    return None


show('not raised by func', tc.assertRaises, KeyError, quiet)
show('wrong type', tc.assertRaises, KeyError, int, 'x')


def not_raised_block():
    with tc.assertRaises(TypeError):
        pass


show('block', not_raised_block)


def not_raised_msg():
    with tc.assertRaises(TypeError, msg='wanted one'):
        pass


show('block msg', not_raised_msg)
show('bad kw', tc.assertRaises, TypeError, foo=1)
show('bad arg', tc.assertRaises, 42)
show('bad tuple', tc.assertRaises, (ValueError, 3))

with tc.assertRaisesRegex(ValueError, r'invalid literal') as cm:
    int('q')
print('regex ok:', cm.expected_regex.pattern)
show('regex mismatch', tc.assertRaisesRegex, ValueError, r'^zzz', int, 'q')


def old():
    warnings.warn('going away', DeprecationWarning)


with tc.assertWarns(DeprecationWarning) as cm:
    old()
print('warned:', cm.warning, type(cm.warning).__name__)
show('warns callable', tc.assertWarns, DeprecationWarning, old)
show('warns missing', tc.assertWarns, UserWarning, quiet)
show('warns regex', tc.assertWarnsRegex, DeprecationWarning, 'away', old)
show('warns regex bad', tc.assertWarnsRegex, DeprecationWarning, 'stay', old)
show('warns bad arg', tc.assertWarns, ValueError)


class SubError(ValueError):
    pass


def raise_sub():
    raise SubError('child')


with tc.assertRaises(ValueError) as cm:
    raise_sub()
print('subclass caught:', repr(cm.exception))
