# pkgutil.iter_modules / walk_packages over a directory tree, get_data, and
# resolve_name.
import os
import pkgutil
import shutil
import sys
import tempfile

tmp = tempfile.mkdtemp()
try:
    def write(rel, text=''):
        path = os.path.join(tmp, *rel.split('/'))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            f.write(text)

    write('alpha.py')
    write('beta.py', 'B = 1\n')
    write('notes.txt', 'not a module')
    write('has.dot.py')
    write('walkpkg/__init__.py')
    write('walkpkg/one.py')
    write('walkpkg/inner/__init__.py')
    write('walkpkg/inner/deep.py')
    write('walkpkg/data/config.json', '{"answer": 42}')
    write('plain_dir/stuff.py')
    write('broken/__init__.py', 'raise ImportError("broken package")\n')

    for info in pkgutil.iter_modules([tmp]):
        print(info.name, info.ispkg, type(info).__name__, info.module_finder.path == tmp)
    print([m.name for m in pkgutil.iter_modules([tmp], prefix='top.')])
    print(list(pkgutil.iter_modules([os.path.join(tmp, 'nowhere')])))
    try:
        list(pkgutil.iter_modules(tmp))
    except ValueError as exc:
        print('ValueError:', exc)

    sys.path.insert(0, tmp)
    errors = []
    names = [(m.name, m.ispkg) for m in pkgutil.walk_packages([tmp], onerror=errors.append)]
    print(names)
    print(errors)
    print(pkgutil.get_data('walkpkg', 'data/config.json'))
    try:
        pkgutil.get_data('walkpkg', 'data/missing.json')
    except FileNotFoundError:
        print('FileNotFoundError for a missing resource')
    print(pkgutil.get_importer(tmp).path == tmp, pkgutil.get_importer(os.path.join(tmp, 'alpha.py')))
    print(pkgutil.resolve_name('os.path:join') is os.path.join)
    print(pkgutil.resolve_name('os.path.join') is os.path.join)
    print(pkgutil.resolve_name('walkpkg.inner.deep').__name__)
    try:
        pkgutil.resolve_name('not valid!')
    except ValueError as exc:
        print('ValueError:', exc)
    top = {m.name for m in pkgutil.iter_modules()}
    print({'json', 'alpha', 'walkpkg'} <= top)
finally:
    if tmp in sys.path:
        sys.path.remove(tmp)
    for name in list(sys.modules):
        if name.split('.')[0] in ('walkpkg', 'broken', 'plain_dir'):
            del sys.modules[name]
    shutil.rmtree(tmp)
