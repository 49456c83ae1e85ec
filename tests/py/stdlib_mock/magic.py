# MagicMock: configured special methods and their defaults.
import re
from unittest.mock import MagicMock, NonCallableMagicMock, Mock, call

def show(obj):
    print(re.sub(r"id='\d+'", "id=X", repr(obj)))

m = MagicMock()
print(len(m), bool(m), int(m), float(m), complex(m), 3 in m)
print([x for x in m])
print(m[1] is m.__getitem__.return_value)
m[2] = 'v'
del m[2]
print(m.__setitem__.call_args, m.__delitem__.call_args)
print(m == m, m != m, m == 3, m != 3)
print(m < 3, m > 3) if False else None
try:
    m < 3
except TypeError:
    print('lt TypeError')
show(m + 1)
show(1 - m)
x = m
x += 2
show(x)
print(abs(m) is m.__abs__.return_value, -m is m.__neg__.return_value)
print(hash(m) == object.__hash__(m))
print(str(m) == object.__str__(m))
print(m.__exit__(None, None, None), round(m) is m.__round__.return_value)

m.__iter__.return_value = [1, 2, 3]
print([x for x in m], [x for x in m])
m.__len__.return_value = 7
print(len(m))
m.__getitem__.side_effect = lambda k: k * 2
print(m[21])
m.__contains__.return_value = True
print('z' in m)
m.__eq__.return_value = True
print(m == 99)
m.__bool__.return_value = False
print(bool(m), 'false' if not m else 'true')

with MagicMock(name='cm') as entered:
    show(entered)
cm = MagicMock()
cm.__enter__.return_value = 'resource'
with cm as r:
    print(r)
print(cm.__exit__.call_args)

# assigning a plain function makes it a method receiving the mock
m = MagicMock()
m.__len__ = lambda self: 42
print(len(m))
m.__str__ = lambda self: 'custom'
print(str(m))

# special methods on a plain Mock must be assigned
p = Mock()
try:
    len(p)
except TypeError:
    print('Mock has no __len__')
p.__len__ = Mock(return_value=3)
print(len(p))
try:
    p.__getattr__ = lambda s, n: 1
except AttributeError as e:
    print('AttributeError:', e)

# the calls show in mock_calls
m = MagicMock()
len(m)
m[0]
m.foo[1]
print(m.mock_calls)

n = NonCallableMagicMock()
print(len(n), callable(n))
show(m.foo.__getitem__)
print(m.__aexit__.__class__.__name__, m.__aenter__.__class__.__name__)

# deleting a special method
m = MagicMock()
del m.__len__
try:
    len(m)
except TypeError:
    print('len removed')
