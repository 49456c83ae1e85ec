# filecmp: cmp with shallow and deep comparison, cmpfiles, and dircmp's
# attributes and reports on a small temporary tree.
import filecmp
import os
import tempfile

root = tempfile.mkdtemp()


def write(path, data, mtime=1000000000):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w') as f:
        f.write(data)
    os.utime(full, (mtime, mtime))


def rel(text):
    return str(text).replace(root, '<root>')


write('a/same.txt', 'hello')
write('b/same.txt', 'hello')
write('a/diff.txt', 'one')
write('b/diff.txt', 'two')
write('a/size.txt', 'short')
write('b/size.txt', 'much longer')
write('a/only_a.txt', 'x')
write('b/only_b.txt', 'y')
write('a/sub/inner.txt', 'in', 5)
write('b/sub/inner.txt', 'IN', 5)
write('a/sub/deeper/d.txt', 'd')
write('b/sub/deeper/d.txt', 'd')
write('a/mixed', 'file')
os.makedirs(os.path.join(root, 'b/mixed'))
os.makedirs(os.path.join(root, 'a/.git'))
os.makedirs(os.path.join(root, 'b/.git'))

A = os.path.join(root, 'a')
B = os.path.join(root, 'b')
j = os.path.join
print(filecmp.cmp(j(A, 'same.txt'), j(B, 'same.txt')))
print(filecmp.cmp(j(A, 'diff.txt'), j(B, 'diff.txt')), filecmp.cmp(j(A, 'diff.txt'), j(B, 'diff.txt'), shallow=False))
print(filecmp.cmp(j(A, 'size.txt'), j(B, 'size.txt')))
print(filecmp.cmp(j(A, 'sub/inner.txt'), j(B, 'sub/inner.txt')),
      filecmp.cmp(j(A, 'sub/inner.txt'), j(B, 'sub/inner.txt'), shallow=False))
print(filecmp.cmp(A, B))
try:
    filecmp.cmp(j(A, 'missing'), j(B, 'same.txt'))
except FileNotFoundError as e:
    print('FileNotFoundError')
filecmp.clear_cache()
print(filecmp.cmpfiles(A, B, ['same.txt', 'diff.txt', 'size.txt', 'nothere', 'sub/inner.txt']))
print(filecmp.cmpfiles(A, B, ['diff.txt', 'sub/deeper/d.txt'], shallow=False))

d = filecmp.dircmp(A, B)
for attr in ('left_list', 'right_list', 'common', 'left_only', 'right_only', 'common_dirs',
             'common_files', 'common_funny', 'same_files', 'diff_files', 'funny_files'):
    print(attr, getattr(d, attr))
print(sorted(d.subdirs), rel(d.subdirs['sub'].left), d.subdirs['sub'].common_dirs)
try:
    d.nonsense
except AttributeError as e:
    print('AttributeError:', e)
import io
import contextlib
for method in ('report', 'report_partial_closure', 'report_full_closure'):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        getattr(filecmp.dircmp(A, B), method)()
    print(method)
    print(rel(buf.getvalue()))
print(filecmp.dircmp(A, B, ignore=['mixed'], hide=[]).common)
print(filecmp.DEFAULT_IGNORES, filecmp.BUFSIZE)

import shutil
shutil.rmtree(root)
