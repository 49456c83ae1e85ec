# Mock basics: return_value, side_effect forms, call recording, names.
import re
from unittest.mock import Mock, NonCallableMock, call, DEFAULT, sentinel

def show(obj):
    # Mock reprs carry id(); mask it.
    print(re.sub(r"id='\d+'", "id=X", repr(obj)))

m = Mock(name='m')
show(m)
show(m.a.b)
show(m.a().b())
show(Mock())
show(Mock().child)
m.return_value = 3
print(m(1, 2, x=3))
print(m.called, m.call_count, m.call_args, m.call_args_list)
print(m.call_args.args, m.call_args.kwargs)

m = Mock(side_effect=[1, 2, KeyError('k')])
print(m(), m())
try:
    m()
except KeyError as e:
    print('KeyError', e)
try:
    m()
except StopIteration:
    print('StopIteration')

m = Mock(side_effect=ValueError)
try:
    m()
except ValueError as e:
    print('ValueError', repr(e))
m = Mock(side_effect=ValueError('bad'))
try:
    m()
except ValueError as e:
    print('ValueError', e)

def effect(x):
    return DEFAULT if x == 0 else x * 10
m = Mock(side_effect=effect, return_value='dflt')
print(m(0), m(4))

m = Mock(return_value=sentinel.result)
print(m() is sentinel.result, sentinel.result, sentinel.result is sentinel.result)

# method_calls versus mock_calls
m = Mock()
m.a(1)
m.a.b(2)
m().c(3)
m.d.return_value.e(4)
m.d()
print(m.method_calls)
print(m.mock_calls)
print(m.a.mock_calls)

# configure_mock and keyword configuration
m = Mock(**{'method.return_value': 3, 'other.side_effect': KeyError, 'attr': 5})
print(m.method(), m.attr)
try:
    m.other()
except KeyError:
    print('configured KeyError')
m.configure_mock(**{'x.y.return_value': 'deep'})
print(m.x.y())

# wraps
class Real:
    def double(self, v):
        return v * 2
m = Mock(wraps=Real())
print(m.double(21), m.double.call_args)
m.double.return_value = 'over'
print(m.double(1))

# attribute assignment, deletion
m = Mock()
m.value = 10
print(m.value)
del m.value
del m.gone
try:
    m.gone
except AttributeError as e:
    print('AttributeError', e)

# a non-callable mock
n = NonCallableMock()
try:
    n()
except TypeError as e:
    print('TypeError', "not callable" in str(e))
print(callable(n), callable(Mock()))

# call objects
print(call(1, 2, a=3) == call(1, 2, a=3), call(1) == call(2), call(1) != call(2))
print(call.foo(1) == ('foo', (1,), {}), call(1, b=2) == ((1,), {'b': 2}))
print(call.a.b(1).c(x=2))
print(call.a(1).b(2).call_list())
print(call(1).args, call(x=1).kwargs)
print(call.count(3), call.index(1))
print(repr(call), repr(call.foo), repr(call()))
