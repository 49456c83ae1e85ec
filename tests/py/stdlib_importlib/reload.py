# importlib.reload re-runs a module's code in the same namespace.
import importlib
import os
import shutil
import sys
import tempfile
import types

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
try:
    path = os.path.join(tmp, 'counter_mod.py')
    with open(path, 'w') as f:
        f.write('VALUE = 1\nprint("counter_mod body, VALUE =", VALUE)\n')
    import counter_mod
    counter_mod.extra = 'kept'
    with open(path, 'w') as f:
        f.write('VALUE = 2\nprint("counter_mod body, VALUE =", VALUE)\n')
    again = importlib.reload(counter_mod)
    print(again is counter_mod, counter_mod.VALUE, counter_mod.extra)
    print(counter_mod.__spec__.name, counter_mod.__loader__ is counter_mod.__spec__.loader)

    # A package submodule reloads too.
    os.mkdir(os.path.join(tmp, 'rpkg'))
    with open(os.path.join(tmp, 'rpkg', '__init__.py'), 'w') as f:
        f.write('')
    with open(os.path.join(tmp, 'rpkg', 'leaf.py'), 'w') as f:
        f.write('N = 10\n')
    import rpkg.leaf
    with open(os.path.join(tmp, 'rpkg', 'leaf.py'), 'w') as f:
        f.write('N = 20\n')
    print(importlib.reload(rpkg.leaf).N)
finally:
    sys.path.remove(tmp)
    for name in ('counter_mod', 'rpkg', 'rpkg.leaf'):
        sys.modules.pop(name, None)
    shutil.rmtree(tmp)

# Library and built-in modules reload in place.
import json
print(importlib.reload(json) is json, json.dumps([1]))
import math
print(importlib.reload(math) is math)

for bad in (5, types.ModuleType('not_registered')):
    try:
        importlib.reload(bad)
    except (TypeError, ImportError) as exc:
        print(type(exc).__name__ + ':', exc)
