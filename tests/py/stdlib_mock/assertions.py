# Assertion helpers and their failure messages.
from unittest.mock import Mock, MagicMock, call, ANY

def attempt(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
        print('passed')
    except AssertionError as e:
        print('AssertionError:', e)
        print('  cause:', type(e.__cause__).__name__ if e.__cause__ else None)

m = Mock(name='thing')
attempt(m.assert_called)
attempt(m.assert_called_once)
attempt(m.assert_not_called)
attempt(m.assert_called_with, 1)
attempt(m.assert_called_once_with, 1)
attempt(m.assert_any_call, 1)
m(1)
m(2, k='v')
attempt(m.assert_called)
attempt(m.assert_called_once)
attempt(m.assert_not_called)
attempt(m.assert_called_with, 2, k='v')
attempt(m.assert_called_with, 2)
attempt(m.assert_called_once_with, 2, k='v')
attempt(m.assert_any_call, 1)
attempt(m.assert_any_call, 3)
attempt(m.assert_any_call, ANY, k=ANY)
attempt(m.assert_called_with, ANY, k='v')
attempt(m.assert_has_calls, [call(1), call(2, k='v')])
attempt(m.assert_has_calls, [call(2, k='v'), call(1)])
attempt(m.assert_has_calls, [call(2, k='v'), call(1)], any_order=True)
attempt(m.assert_has_calls, [call(3), call(1)], any_order=True)
attempt(m.assert_has_calls, [])

anon = Mock()
anon.meth(1)
attempt(anon.assert_called)
attempt(anon.meth.assert_called_with, 2)
attempt(anon.meth.assert_called_once_with, 1)
attempt(anon.assert_has_calls, [call.meth(2)])
attempt(anon.assert_has_calls, [call.meth(1)])

# A long call list is pretty-printed across lines.
many = Mock(name='many')
for i in range(8):
    many(i, 'some text %d' % i)
attempt(many.assert_called_once)
attempt(many.assert_has_calls, [call(9)])

# reset_mock
m = Mock(return_value=4, side_effect=None)
m(1)
m.child(2)
m.reset_mock()
print(m.call_count, m.called, m.call_args, m.mock_calls, m.child.call_count, m())
m.reset_mock(return_value=True)
print(type(m()).__name__)
m.side_effect = KeyError
m.reset_mock(side_effect=True)
print(m.side_effect)

# unsafe attribute names
for name in ('assert_called_twice', 'assret_called', 'asert_x', 'called_once_with', 'called_once'):
    try:
        getattr(Mock(), name)
        print(name, 'allowed')
    except AttributeError as e:
        print('AttributeError:', e)
print(type(Mock(unsafe=True).assert_foo).__name__)
