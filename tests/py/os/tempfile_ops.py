# tempfile: mkdtemp, mkstemp, NamedTemporaryFile, TemporaryFile, TemporaryDirectory.
import os
import stat
import tempfile

tmp = tempfile.gettempdir()
print(os.path.isdir(tmp), os.path.isabs(tmp), tempfile.gettempprefix())
d = tempfile.mkdtemp(prefix='pre_', suffix='_suf')
name = os.path.basename(d)
print(os.path.dirname(d) == tmp, name.startswith('pre_'), name.endswith('_suf'),
      oct(stat.S_IMODE(os.stat(d).st_mode)))
fd, path = tempfile.mkstemp(suffix='.dat', dir=d)
print(os.path.dirname(path) == d, path.endswith('.dat'), oct(stat.S_IMODE(os.stat(path).st_mode)))
os.write(fd, b'123')
os.close(fd)
print(os.path.getsize(path))
with tempfile.NamedTemporaryFile('w+', dir=d) as tf:
    tf.write('abc')
    tf.flush()
    print(os.path.exists(tf.name), os.path.getsize(tf.name))
    tf.seek(0)
    print(tf.read())
print(os.path.exists(tf.name))
tf = tempfile.NamedTemporaryFile(dir=d, delete=False)
tf.write(b'kept')
tf.close()
print(open(tf.name, 'rb').read())
os.remove(tf.name)
with tempfile.TemporaryFile(dir=d) as t:
    t.write(b'hello')
    t.seek(0)
    print(t.read(), sorted(os.listdir(d)) == [os.path.basename(path)])
with tempfile.TemporaryDirectory(dir=d) as td:
    open(os.path.join(td, 'inner'), 'w').close()
    print(os.listdir(td))
print(os.path.exists(td))
t = tempfile.TemporaryDirectory()
print(os.path.isdir(t.name))
t.cleanup()
print(os.path.exists(t.name))
names = set(tempfile.mkdtemp(dir=d) for i in range(5))
print(len(names))
for n in names:
    os.rmdir(n)
os.remove(path)
os.rmdir(d)
