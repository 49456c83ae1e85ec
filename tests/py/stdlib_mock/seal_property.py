# seal, PropertyMock, attach_mock, sentinel and ANY.
import re
from unittest.mock import Mock, MagicMock, PropertyMock, seal, patch, call, ANY, sentinel

m = Mock()
m.configured.return_value = 1
m.child.grand = 2
seal(m)
print(m.configured(), m.child.grand)
for getter in (lambda: m.new_attr, lambda: m.child.other, lambda: m.configured.deeper):
    try:
        getter()
    except AttributeError as e:
        print('AttributeError:', e)
try:
    m.extra = 3
    print('set ok', m.extra)
except AttributeError as e:
    print('AttributeError:', e)

named = Mock(name='svc')
named.a.b.return_value = 1
seal(named)
try:
    named.a.c
except AttributeError as e:
    print('AttributeError:', e)
try:
    named.a.b().x
except AttributeError as e:
    print('AttributeError:', e)

class Config:
    @property
    def level(self):
        return 'real'

with patch.object(Config, 'level', new_callable=PropertyMock) as prop:
    prop.return_value = 'mocked'
    c = Config()
    print(c.level)
    c.level = 'assigned'
    print(prop.mock_calls)
print(Config().level)

pm = PropertyMock(return_value=3)
holder = type('Holder', (), {'value': pm})
print(holder().value, pm.call_count)

# attach_mock: calls of the attached mock appear in the parent's records
manager = Mock()
first, second = Mock(return_value=None), MagicMock(return_value=None)
manager.attach_mock(first, 'first')
manager.attach_mock(second, 'second')
first(1)
second.method(2)
print(manager.mock_calls)
print(manager.method_calls)
manager.assert_has_calls([call.first(1), call.second.method(2)])

# a mock assigned as an attribute is adopted as a child
parent = Mock()
kid = Mock()
parent.kid = kid
kid(5)
print(parent.mock_calls)
# but not when it already has a name
named_kid = Mock(name='own')
parent.other = named_kid
named_kid(6)
print(parent.mock_calls)

print(ANY == 1, ANY == object(), ANY != 'x', repr(ANY))
print(call(ANY, 2) == call(1, 2), [call(1), call(2)] == [ANY, call(2)])
m = Mock()
m(1, [1, 2], key=object())
m.assert_called_with(1, ANY, key=ANY)
print(sentinel.a is sentinel.a, sentinel.a is sentinel.b, repr(sentinel.thing))
print(sorted(n for n in dir(Mock()) if not n.startswith('_'))[:8])
m = Mock()
m.child_a
m.value = 1
print([n for n in dir(m) if n in ('child_a', 'value', 'called')])
