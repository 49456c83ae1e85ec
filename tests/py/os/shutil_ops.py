# shutil: copyfileobj, copyfile, copy, copy2, copytree, move, rmtree, which.
import io
import os
import shutil
import tempfile

base = tempfile.mkdtemp()
def rel(p):
    return os.path.relpath(p, base)
src = os.path.join(base, 'src.txt')
with open(src, 'w') as f:
    f.write('payload\n' * 1000)
os.chmod(src, 0o640)
out = io.BytesIO()
with open(src, 'rb') as f:
    shutil.copyfileobj(f, out, 100)
print(len(out.getvalue()))
print(rel(shutil.copyfile(src, os.path.join(base, 'c1.txt'))))
print(open(os.path.join(base, 'c1.txt')).read() == open(src).read())
sub = os.path.join(base, 'sub')
os.mkdir(sub)
print(rel(shutil.copy(src, sub)), oct(os.stat(os.path.join(sub, 'src.txt')).st_mode & 0o777))
os.utime(src, (1000000000, 1000000000))
print(rel(shutil.copy2(src, os.path.join(base, 'c2.txt'))), os.stat(os.path.join(base, 'c2.txt')).st_mtime)
try:
    shutil.copyfile(src, src)
except shutil.SameFileError as e:
    print('SameFileError', isinstance(e, OSError))
try:
    shutil.copyfile(os.path.join(base, 'missing'), os.path.join(base, 'x'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
print(rel(shutil.copytree(sub, os.path.join(base, 'tree'))), sorted(os.listdir(os.path.join(base, 'tree'))))
print(rel(shutil.move(os.path.join(base, 'c1.txt'), os.path.join(base, 'moved.txt'))))
print(rel(shutil.move(os.path.join(base, 'moved.txt'), sub)))
print(sorted(os.listdir(base)), sorted(os.listdir(sub)))
shutil.rmtree(os.path.join(base, 'tree'))
try:
    shutil.rmtree(os.path.join(base, 'tree'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
shutil.rmtree(os.path.join(base, 'tree'), ignore_errors=True)
print(shutil.which('sh') is not None, shutil.which('no-such-command-zz'))
print(os.path.basename(shutil.which('sh')))
shutil.rmtree(base)
print(os.path.exists(base))
