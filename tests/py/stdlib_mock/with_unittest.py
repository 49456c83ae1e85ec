# The usual shape of a test file: unittest cases using patch decorators,
# autospecced methods and mock assertions.
import io
import re
import sys
import unittest
from unittest import mock
from unittest.mock import patch, call, MagicMock


class Store:
    def __init__(self):
        self.items = {}

    def get(self, key, default=None):
        return self.items.get(key, default)

    def put(self, key, value):
        self.items[key] = value


def lookup(store, key):
    value = store.get(key)
    return 'missing' if value is None else value


class Tests(unittest.TestCase):
    @patch.object(Store, 'get', return_value='stubbed')
    def test_patch_object(self, fake_get):
        self.assertEqual(lookup(Store(), 'k'), 'stubbed')
        fake_get.assert_called_once_with('k')

    @patch.object(Store, 'get', autospec=True)
    def test_autospec_method(self, fake_get):
        fake_get.return_value = None
        store = Store()
        self.assertEqual(lookup(store, 'k'), 'missing')
        fake_get.assert_called_once_with(store, 'k')
        with self.assertRaises(TypeError):
            store.get()

    @patch(__name__ + '.lookup')
    @patch(__name__ + '.Store')
    def test_two_patches(self, store_cls, fake_lookup):
        self.assertIs(Store, store_cls)
        self.assertIs(lookup, fake_lookup)
        Store().put(1, 2)
        store_cls.return_value.put.assert_called_with(1, 2)

    def test_context_managers(self):
        with patch.dict(sys.modules, {'fake_module': MagicMock(value=3)}):
            import fake_module
            self.assertEqual(fake_module.value, 3)
        self.assertNotIn('fake_module', sys.modules)

    def test_failure_message(self):
        m = mock.Mock(name='fetch')
        m('a')
        with self.assertRaises(AssertionError) as ctx:
            m.assert_called_with('b')
        self.assertIn("Expected: fetch('b')", str(ctx.exception))

    def test_fails_on_purpose(self):
        m = mock.Mock(name='svc')
        m.run(1)
        m.run.assert_called_once_with(2)

    def test_start_stop_cleanup(self):
        patcher = patch.object(Store, 'put')
        fake = patcher.start()
        self.addCleanup(patcher.stop)
        Store().put('x', 'y')
        fake.assert_called_once_with('x', 'y')


@patch.object(Store, 'put', return_value='class-level')
class ClassPatched(unittest.TestCase):
    def test_a(self, fake_put):
        self.assertEqual(Store().put(1, 2), 'class-level')

    def test_b(self, fake_put):
        self.assertFalse(fake_put.called)


stream = io.StringIO()
suite = unittest.TestSuite()
loader = unittest.TestLoader()
suite.addTests(loader.loadTestsFromTestCase(Tests))
suite.addTests(loader.loadTestsFromTestCase(ClassPatched))
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
text = re.sub(r'in \d+\.\d+s', 'in X.XXXs', stream.getvalue())
# Keep the report's assertion, not the frames (their paths differ).
text = re.sub(r'Traceback \(most recent call last\):\n(?:  .*\n)*', 'Traceback:\n', text)
print(text)
print(result.testsRun, len(result.failures), len(result.errors))
print(Store.get.__name__, Store.put.__name__)
