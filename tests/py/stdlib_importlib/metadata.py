# importlib.metadata with nothing installed, and with a dist-info directory
# laid out by hand.
import importlib.metadata as md
import os
import shutil
import sys
import tempfile

try:
    md.version('surely-not-installed')
except md.PackageNotFoundError as exc:
    print(type(exc).__name__, exc, repr(exc), exc.name)
print(issubclass(md.PackageNotFoundError, ModuleNotFoundError))
for func in (md.metadata, md.distribution, md.requires, md.files):
    try:
        func('nothing-here')
    except md.PackageNotFoundError as exc:
        print(func.__name__, 'raises:', exc)

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
try:
    info = os.path.join(tmp, 'demo_pkg-1.2.3.dist-info')
    os.mkdir(info)
    with open(os.path.join(info, 'METADATA'), 'w') as f:
        f.write('Metadata-Version: 2.1\nName: demo-pkg\nVersion: 1.2.3\n'
                'Summary: A demo\nRequires-Dist: requests\nRequires-Dist: idna\n')
    with open(os.path.join(info, 'entry_points.txt'), 'w') as f:
        f.write('[console_scripts]\ndemo = demo_pkg.cli:main\n')
    print(md.version('demo-pkg'), md.version('Demo_Pkg'))
    meta = md.metadata('demo-pkg')
    print(meta['Name'], meta['Summary'], meta.get_all('Requires-Dist'))
    print(md.requires('demo-pkg'))
    dist = md.distribution('demo-pkg')
    print(dist.version, dist.metadata['Version'])
    eps = md.entry_points(group='console_scripts')
    demo = [ep for ep in eps if ep.name == 'demo']
    print(demo[0].value, demo[0].module, demo[0].attr, demo[0].group)
finally:
    sys.path.remove(tmp)
    shutil.rmtree(tmp)
