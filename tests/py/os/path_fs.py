# os.path's file-system queries.
import os
import tempfile

base = tempfile.mkdtemp()
f = os.path.join(base, 'f.txt')
with open(f, 'w') as fh:
    fh.write('12345')
os.symlink('f.txt', os.path.join(base, 'ln'))
os.symlink('nowhere', os.path.join(base, 'broken'))
for name in ('f.txt', 'ln', 'broken', 'missing', ''):
    p = os.path.join(base, name)
    print(repr(name), os.path.exists(p), os.path.lexists(p), os.path.isfile(p),
          os.path.isdir(p), os.path.islink(p))
print(os.path.getsize(f), os.path.getmtime(f) == os.stat(f).st_mtime,
      os.path.getatime(f) > 0, os.path.getctime(f) > 0)
print(os.path.samefile(f, os.path.join(base, 'ln')), os.path.ismount('/'), os.path.ismount(base))
print(os.path.realpath(os.path.join(base, 'ln')) == os.path.realpath(f))
print(os.path.realpath(base + '/./x/../f.txt') == os.path.realpath(f))
try:
    os.path.getsize(os.path.join(base, 'missing'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
print(os.path.exists(12345678), os.path.isdir(b'/'))
for name in ('f.txt', 'ln', 'broken'):
    os.remove(os.path.join(base, name))
os.rmdir(base)
