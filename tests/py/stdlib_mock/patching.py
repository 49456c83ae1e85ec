# patch in its forms: decorator, context manager, start/stop, object,
# dict, multiple, stopall, and the options that shape the replacement.
import os
import re
import sys
import types
from unittest import mock
from unittest.mock import patch, MagicMock, Mock, DEFAULT, sentinel

def show(obj):
    print(re.sub(r"id='\d+'", "id=X", repr(obj)))

mod = types.ModuleType('target_mod')
mod.value = 'original'
def real_func(a, b=1):
    return 'real'
mod.func = real_func
class Klass:
    attr = 'class attr'
    def method(self, x):
        return 'method'
mod.Klass = Klass
sys.modules['target_mod'] = mod

with patch('target_mod.value') as fake:
    show(fake)
    print(mod.value is fake)
print(mod.value)

with patch('target_mod.value', 'replaced') as got:
    print(got, mod.value)
print(mod.value)

@patch('target_mod.func')
@patch('target_mod.value', new='set')
@patch('target_mod.Klass')
def decorated(klass_mock, func_mock, extra=None):
    show(klass_mock)
    show(func_mock)
    print(mod.value, extra)
    return mod.func(3)
show(decorated(extra='e'))
print(mod.func is real_func, mod.Klass is Klass, decorated.__name__)

p = patch('target_mod.value', return_value=5)
started = p.start()
print(mod.value(), started is mod.value)
p.stop()
print(mod.value, p.stop())

with patch('target_mod.func', side_effect=KeyError('boom')):
    try:
        mod.func()
    except KeyError as e:
        print('KeyError', e)

with patch('target_mod.missing', create=True, new=3):
    print(mod.missing)
print(hasattr(mod, 'missing'))
try:
    with patch('target_mod.missing'):
        pass
except AttributeError as e:
    print('AttributeError:', str(e).split(' does not')[1])

with patch('target_mod.Klass', spec=True) as k:
    inst = k()
    print(type(k).__name__, type(inst).__name__, isinstance(inst, Klass))
    try:
        inst.nope
    except AttributeError as e:
        print('AttributeError:', e)

with patch('target_mod.func', autospec=True) as f:
    mod.func(1, b=2)
    f.assert_called_once_with(1, b=2)
    try:
        mod.func()
    except TypeError as e:
        print('TypeError:', e)
print(mod.func is real_func)

with patch('target_mod.Klass', new_callable=list) as lst:
    print(lst, mod.Klass)

with patch.object(Klass, 'method', return_value='patched') as meth:
    print(Klass().method(1), meth.call_args)
print(Klass().method(1))

with patch.object(Klass, 'attr', 'temp'):
    print(Klass.attr)
print(Klass.attr)

class Child(Klass):
    pass
with patch.object(Child, 'attr', 'child temp'):
    print(Child.attr, Klass.attr)
print(Child.attr, 'attr' in Child.__dict__)

try:
    patch.object('target_mod', 'value')
except TypeError as e:
    print('TypeError:', e)
try:
    patch('novalue')
except TypeError as e:
    print('TypeError:', e)
try:
    patch('target_mod.value', new=1, new_callable=list)
except ValueError as e:
    print('ValueError:', e)

# patch.dict
d = {'a': 1, 'b': 2}
with patch.dict(d, {'b': 20, 'c': 30}):
    print(sorted(d.items()))
print(sorted(d.items()))
with patch.dict(d, clear=True, z=26) as same:
    print(d, same is d)
print(sorted(d.items()))

@patch.dict(d, {'x': 0})
def uses_dict():
    return sorted(d)
print(uses_dict(), sorted(d))

with patch.dict('os.environ', {'GILPY_MOCK_TEST': 'yes'}):
    print(os.environ['GILPY_MOCK_TEST'])
print('GILPY_MOCK_TEST' in os.environ)

pd = patch.dict(d, {'q': 1})
pd.start()
print('q' in d)
pd.stop()
print('q' in d)

# patch.multiple
with patch.multiple('target_mod', value='multi', func=DEFAULT) as made:
    print(mod.value, sorted(made), made['func'] is mod.func)
print(mod.value)

@patch.multiple(mod, value=DEFAULT, Klass=DEFAULT)
def multi(value, Klass):
    return type(value).__name__, mod.Klass is Klass
print(multi())

# stopall
patch('target_mod.value', 'one').start()
patch.object(Klass, 'attr', 'two').start()
print(mod.value, Klass.attr)
patch.stopall()
print(mod.value, Klass.attr)

# class decorator patches each test method
@patch('target_mod.value', 'in class')
class Tests:
    def test_one(self):
        return mod.value
    def helper(self):
        return mod.value
t = Tests()
print(t.test_one(), t.helper())

# builtins
with patch('builtins.input', return_value='typed'):
    print(input('prompt> '))
print(input is __builtins__.input if hasattr(__builtins__, 'input') else True)
