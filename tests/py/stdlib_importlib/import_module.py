# importlib.import_module: absolute and relative names, the leaf module is
# returned, and the errors CPython raises for bad arguments.
import importlib
import sys

m = importlib.import_module('json')
print(m.__name__, m is sys.modules['json'])
leaf = importlib.import_module('json.decoder')
print(leaf.__name__)
print(importlib.import_module('.decoder', 'json') is leaf)
print(importlib.import_module('..decoder', 'json.encoder') is leaf)
print(importlib.import_module('math').sqrt(16.0))
print(importlib.import_module('os.path') is sys.modules['os.path'])


def show(call, *args):
    try:
        call(*args)
        print('no error')
    except Exception as exc:
        print(type(exc).__name__ + ':', exc)
        if isinstance(exc, ImportError):
            print('  name =', exc.name)


show(importlib.import_module, '.x')
show(importlib.import_module, '..x', 'a')
show(importlib.import_module, 'json.nope')
show(importlib.import_module, 'no_such_module_here')
show(importlib.import_module, 'math.sub')
show(importlib.import_module, '')
show(importlib.import_module, '.x', 5)
show(importlib.import_module, 5)

# A name in sys.modules wins, and None there halts the import.
fake = type(sys)('fake_mod_for_test')
fake.value = 42
sys.modules['fake_mod_for_test'] = fake
print(importlib.import_module('fake_mod_for_test').value)
sys.modules['fake_mod_for_test'] = None
show(importlib.import_module, 'fake_mod_for_test')
del sys.modules['fake_mod_for_test']
importlib.invalidate_caches()
print(importlib.__import__ is __import__)
