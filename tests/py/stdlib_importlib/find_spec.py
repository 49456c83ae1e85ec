# importlib.util.find_spec: built-in, library and path modules, dotted and
# relative names, and the None / error cases.
import importlib.util
import importlib.machinery as machinery
import os
import shutil
import sys
import tempfile

spec = importlib.util.find_spec('sys')
print(spec.name, spec.origin, spec.loader is machinery.BuiltinImporter)
print(importlib.util.find_spec('no_such_thing_anywhere'))
print(importlib.util.find_spec('json') is not None)
print(importlib.util.find_spec('json').name)
print(importlib.util.find_spec('json.nope'))
print(importlib.util.find_spec('.decoder', 'json').name)
print(importlib.util.resolve_name('.b', 'a.c'), importlib.util.resolve_name('..b', 'a.c'))
print(importlib.util.resolve_name('x.y', None))
for args in [('...b', 'a.c'), ('.b', None)]:
    try:
        importlib.util.resolve_name(*args)
    except ImportError as exc:
        print('ImportError:', exc)
try:
    importlib.util.find_spec('math.x')
except ModuleNotFoundError as exc:
    print('ModuleNotFoundError:', exc, exc.name)

sys.modules['none_entry'] = None
print(importlib.util.find_spec('none_entry'))
del sys.modules['none_entry']

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
try:
    with open(os.path.join(tmp, 'found_me.py'), 'w') as f:
        f.write('print("found_me imported")\nX = 7\n')
    spec = importlib.util.find_spec('found_me')
    print(spec.name, type(spec.loader).__name__, os.path.basename(spec.origin))
    print(spec.submodule_search_locations, 'found_me' in sys.modules)
    import found_me
    print(found_me.X)
    print(importlib.util.find_spec('found_me').name)
finally:
    sys.path.remove(tmp)
    sys.modules.pop('found_me', None)
    shutil.rmtree(tmp)

print(machinery.SOURCE_SUFFIXES, machinery.BYTECODE_SUFFIXES)
print('.py' in machinery.all_suffixes())
print(importlib.util.cache_from_source('/a/b.py'))
print(importlib.util.source_from_cache('/a/__pycache__/b.cpython-311.pyc'))
print(importlib.util.MAGIC_NUMBER)
print(machinery.BuiltinImporter, machinery.FrozenImporter)
print(machinery.PathFinder, machinery.SourceFileLoader)
print(isinstance(sys.meta_path, list), isinstance(sys.path_hooks, list))
print(isinstance(sys.path_importer_cache, dict))
