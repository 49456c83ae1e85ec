# Modules imported after importlib carry __spec__ and __loader__ as in
# CPython, and find_spec() returns that same spec.
import importlib
import importlib.machinery
import importlib.util
import os
import shutil
import sys
import tempfile

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
try:
    os.mkdir(os.path.join(tmp, 'specpkg'))
    with open(os.path.join(tmp, 'specpkg', '__init__.py'), 'w') as f:
        f.write('print("init sees", __spec__.name, __spec__.parent, type(__loader__).__name__)\n')
    with open(os.path.join(tmp, 'specpkg', 'leaf.py'), 'w') as f:
        f.write('print("leaf sees", __spec__.name, __spec__.parent, __spec__.has_location)\n')
    import specpkg.leaf
    spec = specpkg.__spec__
    print(spec.name, spec.submodule_search_locations == specpkg.__path__)
    print(os.path.basename(spec.origin), isinstance(spec.loader, importlib.machinery.SourceFileLoader))
    print(specpkg.leaf.__spec__.submodule_search_locations, specpkg.leaf.__loader__.name)
    print(importlib.util.find_spec('specpkg.leaf') is specpkg.leaf.__spec__)
    print(os.path.basename(specpkg.leaf.__cached__))
finally:
    sys.path.remove(tmp)
    for name in ('specpkg', 'specpkg.leaf'):
        sys.modules.pop(name, None)
    shutil.rmtree(tmp)
