# os.listdir and os.scandir with DirEntry.
import os
import tempfile

base = tempfile.mkdtemp()
for name in ('b.txt', 'a.txt', 'c.py'):
    with open(os.path.join(base, name), 'w') as f:
        f.write(name)
os.mkdir(os.path.join(base, 'sub'))
os.symlink('a.txt', os.path.join(base, 'ln'))
os.symlink('missing', os.path.join(base, 'broken'))
print(sorted(os.listdir(base)))
print(sorted(os.listdir(base.encode())))
with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, os.path.relpath(e.path, base), e.is_file(), e.is_dir(),
          e.is_symlink(), e.is_file(follow_symlinks=False))
print(entries[1].stat().st_size, os.fspath(entries[1]) == entries[1].path,
      entries[1].inode() == os.stat(entries[1].path).st_ino)
old = os.getcwd()
os.chdir(base)
print(sorted(os.listdir()), sorted(e.name for e in os.scandir()), sorted(os.listdir('.')))
print(sorted(e.path for e in os.scandir()))
os.chdir(old)
try:
    os.listdir(os.path.join(base, 'nope'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
try:
    os.listdir(os.path.join(base, 'a.txt'))
except NotADirectoryError as e:
    print(type(e).__name__, e.errno)
for name in ('b.txt', 'a.txt', 'c.py', 'ln', 'broken'):
    os.remove(os.path.join(base, name))
os.rmdir(os.path.join(base, 'sub'))
os.rmdir(base)
print(os.path.exists(base))
