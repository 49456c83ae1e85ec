# Loading a module by hand from a file: spec_from_file_location,
# module_from_spec and loader.exec_module, as plugin loaders do.
import importlib.util
import importlib.machinery
import os
import shutil
import sys
import tempfile

tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, 'plugin.py')
    with open(path, 'w') as f:
        f.write('NAME = "plugin"\n'
                'def greet(who):\n'
                '    return f"hello {who} from {__name__}"\n'
                'print("plugin body runs, package =", repr(__package__))\n')
    spec = importlib.util.spec_from_file_location('myplugin', path)
    print(type(spec).__name__, spec.name, spec.origin == path)
    print(type(spec.loader).__name__, spec.loader.name, spec.loader.path == path)
    print(spec.parent == '', spec.has_location, spec.submodule_search_locations)
    print(isinstance(spec.loader, importlib.machinery.SourceFileLoader))
    print(os.path.basename(spec.cached))
    module = importlib.util.module_from_spec(spec)
    print(module.__name__, module.__spec__ is spec, module.__loader__ is spec.loader)
    print(module.__file__ == path, 'NAME' in module.__dict__)
    print('myplugin' in sys.modules)
    spec.loader.exec_module(module)
    print(module.NAME, module.greet('tests'))
    print(spec.loader.is_package('myplugin'), 'greet' in spec.loader.get_source('myplugin'))

    # A package spec gets a search location, and its submodules load too.
    pkg = os.path.join(tmp, 'pkgx')
    os.mkdir(pkg)
    with open(os.path.join(pkg, '__init__.py'), 'w') as f:
        f.write('TOP = 1\n')
    with open(os.path.join(pkg, 'sub.py'), 'w') as f:
        f.write('from . import TOP\nVALUE = TOP + 1\n')
    init = os.path.join(pkg, '__init__.py')
    pspec = importlib.util.spec_from_file_location('pkgx', init)
    print(pspec.submodule_search_locations == [pkg], pspec.parent)
    pmod = importlib.util.module_from_spec(pspec)
    sys.modules['pkgx'] = pmod
    pspec.loader.exec_module(pmod)
    print(pmod.__path__ == [pkg], pmod.__package__)
    sub = importlib.import_module('pkgx.sub')
    print(sub.VALUE, pmod.sub is sub)

    # A file that is not Python source gets no spec.
    print(importlib.util.spec_from_file_location('data', os.path.join(tmp, 'x.txt')))

    # A module whose body fails leaves no trace, and the error propagates.
    bad = os.path.join(tmp, 'bad.py')
    with open(bad, 'w') as f:
        f.write('x = 1\nraise ValueError("broken plugin")\n')
    bspec = importlib.util.spec_from_file_location('bad', bad)
    bmod = importlib.util.module_from_spec(bspec)
    try:
        bspec.loader.exec_module(bmod)
    except ValueError as exc:
        print('ValueError:', exc, bmod.x)

    # ModuleSpec by hand.
    s = importlib.machinery.ModuleSpec('a.b', None, origin='somewhere')
    print(s, s.parent, s.has_location, s.cached)
    p = importlib.machinery.ModuleSpec('a', None, is_package=True)
    print(p, p.parent)
    print(s == importlib.machinery.ModuleSpec('a.b', None, origin='somewhere'))
    blank = importlib.util.module_from_spec(importlib.machinery.ModuleSpec('blank', None))
    print(type(blank).__name__, blank.__name__, blank.__package__, hasattr(blank, '__file__'))
finally:
    sys.modules.pop('pkgx', None)
    sys.modules.pop('pkgx.sub', None)
    shutil.rmtree(tmp)
