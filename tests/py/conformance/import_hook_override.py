# Every import statement goes through builtins.__import__, so replacing it
# lets a program watch (or fake) imports; restoring it restores normality.
import builtins
# Load the real modules first: the first import of a module runs its body,
# whose own imports would reach the hook too, and which ones those are is
# an implementation detail.
import json, os.path, collections  # noqa: E401

real_import = builtins.__import__
seen = []


def recording_import(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level, type(globals).__name__))
    if name.startswith('fake'):
        class Fake:
            alpha = 'A'
            beta = 'B'
        return Fake
    return real_import(name, globals, locals, fromlist, level)


builtins.__import__ = recording_import
try:
    import json
    import os.path
    from collections import OrderedDict
    import fake_module
    from fake_module import alpha, beta
    from .fake_relative import alpha as a2
    from ..fake_up import beta as b2
finally:
    builtins.__import__ = real_import

for entry in seen:
    print(entry)
print(json.__name__, os.path.__name__.endswith('path'), OrderedDict.__name__)
print(alpha, beta, a2, b2, fake_module.__name__)


# Inside a function the hook gets the frame's locals argument too (None
# in CPython and gilpy alike is not promised, so only its presence is shown).
def importer():
    builtins.__import__ = lambda *args: print('hook args:', len(args), args[0], args[3], args[4]) or real_import('sys')
    try:
        import anything
        from somewhere import thing
    finally:
        builtins.__import__ = real_import
    return anything.__name__


print(importer())

# Without __import__ in the builtins there is no import at all.
try:
    exec('import sys', {'__builtins__': {}})
except ImportError as err:
    print('ImportError:', err)
