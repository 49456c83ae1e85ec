# spec, spec_set, create_autospec and the attribute errors they produce.
import re
from unittest.mock import Mock, MagicMock, NonCallableMagicMock, create_autospec, call

def show(obj):
    print(re.sub(r"id='\d+'", "id=X", repr(obj)))

class Thing:
    attr = 1
    def method(self, a, b=2):
        return a + b
    @classmethod
    def build(cls, x):
        return cls()
    @staticmethod
    def helper(y):
        return y

m = Mock(spec=Thing)
show(m)
print(isinstance(m, Thing), m.__class__ is Thing)
show(m.method)
try:
    m.missing
except AttributeError as e:
    print('AttributeError:', e)
m.new_attr = 5        # allowed with spec
print(m.new_attr)

s = Mock(spec_set=Thing)
show(s)
try:
    s.new_attr = 5
except AttributeError as e:
    print('AttributeError:', e)
s.attr = 3
print(s.attr)

l = Mock(spec=['a', 'b'])
print(type(l.a).__name__)
try:
    l.c
except AttributeError as e:
    print('AttributeError:', e)

# call matching through the spec's signature
f = Mock(spec=Thing.method)
f(1, 2, 3)
f.assert_called_with(1, 2, b=3)
def func(a, b, *, c=0):
    return a
g = Mock(spec=func)
g(1, 2, c=3)
g.assert_called_with(a=1, b=2, c=3)
try:
    g.assert_called_with(1, 2, 3)
except AssertionError as e:
    print('AssertionError:', e)
    print('cause:', type(e.__cause__).__name__)

# create_autospec of a function
auto = create_autospec(func, return_value='r')
print(auto(1, 2), auto.call_count, auto.called)
auto.assert_called_once_with(1, 2)
try:
    auto(1)
except TypeError as e:
    print('TypeError:', e)
try:
    auto.assert_called_with(3, 4)
except AssertionError as e:
    print('AssertionError:', e)
print(type(auto).__name__, auto.__name__)
auto.reset_mock()
print(auto.call_count)
auto.side_effect = [5, 6]
print(auto(1, 2), auto(1, 2))
print(auto.mock.call_args_list)

# create_autospec of a class
klass = create_autospec(Thing)
inst = klass()
print(isinstance(inst, Thing))
inst.method(1)
inst.method.assert_called_with(1)
try:
    inst.method()
except TypeError as e:
    print('TypeError:', e)
try:
    inst.nothing
except AttributeError as e:
    print('AttributeError:', e)
print(klass.mock_calls)
klass.build(3)
klass.helper(4)
try:
    klass.helper()
except TypeError as e:
    print('TypeError:', e)
print(klass.build.call_args, klass.helper.call_args)
show(klass)
show(inst)
print(type(inst.attr).__name__)

inst2 = create_autospec(Thing, instance=True)
print(type(inst2).__name__, isinstance(inst2, Thing))
try:
    inst2()
except TypeError as e:
    print('TypeError', 'not callable' in str(e))

try:
    Mock(spec=Mock())
except Exception as e:
    print(type(e).__name__)
