# tempfile beyond tests/py/os/tempfile_ops: name shape, defaults, the
# wrapper's file-like surface, delete rules, TMPDIR and bytes arguments.
import os
import re
import stat
import tempfile

home = tempfile.mkdtemp()
shape = re.compile(r'^[a-z0-9_]{8}$')


def short(path):
    return os.path.relpath(path, home) if isinstance(path, str) else os.path.relpath(path, os.fsencode(home))


fd, path = tempfile.mkstemp(dir=home)
os.close(fd)
base = os.path.basename(path)
print(base.startswith('tmp'), bool(shape.match(base[3:])), os.path.isabs(path))
fd, path2 = tempfile.mkstemp('.x', 'p-', home, True)
os.close(fd)
print(os.path.basename(path2).startswith('p-'), path2.endswith('.x'), oct(stat.S_IMODE(os.stat(path2).st_mode)))
fd, bpath = tempfile.mkstemp(prefix=b'b_', dir=os.fsencode(home))
os.close(fd)
print(type(bpath).__name__, os.path.basename(bpath)[:2], len(os.path.basename(bpath)))
bd = tempfile.mkdtemp(suffix=b'.d', dir=os.fsencode(home))
print(type(bd).__name__, bd.endswith(b'.d'))
try:
    tempfile.mkstemp(prefix=b'x', suffix='y')
except TypeError as e:
    print('TypeError', e)
m = tempfile.mktemp(dir=home)
print(os.path.exists(m), os.path.dirname(m) == home, os.path.basename(m).startswith('tmp'))
print(tempfile.gettempprefix(), tempfile.gettempprefixb(), tempfile.TMP_MAX >= 10000, type(tempfile.gettempdirb()).__name__)
try:
    tempfile.mkstemp(dir=os.path.join(home, 'missing'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
try:
    tempfile.mkdtemp(dir=os.path.join(home, 'missing'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)

# NamedTemporaryFile wrapper
f = tempfile.NamedTemporaryFile('w+', dir=home, prefix='n_', suffix='.txt', encoding='utf-8')
print(os.path.basename(f.name)[:2], f.name.endswith('.txt'), f.mode, f.closed, f.delete, repr(f).startswith('<tempfile._TemporaryFileWrapper file='))
f.write('one\ntwo\nthree\n')
f.seek(0)
print(list(f), f.tell() > 0)
f.seek(0)
print(f.readline(), end='')
print([line for line in f])
print(f.fileno() >= 0, f.writable(), f.readable())
name = f.name
f.close()
print(f.closed, os.path.exists(name))
f.close()
with tempfile.NamedTemporaryFile(dir=home) as g:
    print(g.write(b'abc'), type(g).__name__)
    gname = g.name
print(g.closed, os.path.exists(gname))
with tempfile.NamedTemporaryFile(dir=home, delete=False) as g:
    g.write(b'stay')
print(os.path.exists(g.name), open(g.name, 'rb').read())
os.unlink(g.name)
try:
    with tempfile.NamedTemporaryFile(dir=home) as g:
        os.unlink(g.name)
except FileNotFoundError as e:
    print('FileNotFoundError on close', e.errno, g.closed)
try:
    tempfile.NamedTemporaryFile(mode='zz', dir=home)
except ValueError as e:
    print('ValueError', e)
print(sorted(os.listdir(home)) == sorted([base, os.path.basename(path2), os.fsdecode(os.path.basename(bpath)), os.fsdecode(os.path.basename(bd))]))

# TemporaryFile
with tempfile.TemporaryFile('w+', dir=home) as t:
    t.write('text mode')
    t.seek(0)
    print(t.read(), type(t.name).__name__)
t = tempfile.TemporaryFile(dir=home)
print(t.mode, len(os.listdir(home)))
t.close()

# TemporaryDirectory
td = tempfile.TemporaryDirectory(prefix='d_', dir=home)
print(repr(td).startswith("<TemporaryDirectory '"), os.path.basename(td.name)[:2])
os.makedirs(os.path.join(td.name, 'a', 'b'))
open(os.path.join(td.name, 'a', 'b', 'f'), 'w').close()
with td as entered:
    print(entered == td.name)
print(os.path.exists(td.name))
td.cleanup()
with tempfile.TemporaryDirectory(dir=home) as gone:
    os.rmdir(gone)
print('cleanup tolerated missing dir')

# TMPDIR decides the default directory once tempdir is reset
old = tempfile.tempdir
tempfile.tempdir = None
os.environ['TMPDIR'] = home
print(tempfile.gettempdir() == home, tempfile.tempdir == home, tempfile.gettempdirb() == os.fsencode(home))
fd, p3 = tempfile.mkstemp()
os.close(fd)
print(os.path.dirname(p3) == home)
tempfile.tempdir = old
import shutil
shutil.rmtree(home)
