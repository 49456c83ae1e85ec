# glob: wildcards per component, literal components, hidden names,
# recursive '**', trailing separators, root_dir, bytes patterns, escape.
import glob
import os
import tempfile

base = tempfile.mkdtemp()
for d in ('a1/b1', 'a1/b2', 'a2/b1', '.hid/b1', 'a1/.inner'):
    os.makedirs(os.path.join(base, d))
for f in ('a1/b1/x.txt', 'a1/b2/y.py', 'a2/b1/z.txt', 'top.txt', '.dot.txt', 'a1/.inner/q.txt',
          '.hid/b1/h.txt', 'we[ird]*.txt', 'a1/b1/.sec.txt'):
    with open(os.path.join(base, f), 'w') as fh:
        fh.write(f)
os.symlink('a1', os.path.join(base, 'link'))
os.symlink('missing', os.path.join(base, 'broken'))
os.chdir(base)


def g(pattern, **kw):
    return sorted(glob.glob(pattern, **kw))


print(g('*'), g('.*'), g('*.txt'), g('?op.txt'), g('[a-z]1'), g('[!a]*'))
print(g('*/*'), g('*/*/*.txt'), g('a1/*/x.txt'), g('a?/b1/*'), g('*/'), g('a1/b1/'), g('nope/'))
print(g('top.txt'), g('missing.txt'), g('broken'), g('link/b1/x.txt'), g('a1/b1'), g(''))
print(g('**'), g('**', recursive=True), g('**/*.txt', recursive=True))
print(g('a1/**', recursive=True), g('a1/**/', recursive=True), g('**/b1', recursive=True))
print(g('**/*.txt', recursive=True, include_hidden=True), g('*', include_hidden=True))
print(g('a**', recursive=True), g('**/', recursive=True), g('a1/**/.inner', recursive=True))
print(g('*.txt', root_dir='a1/b1'), g('**/*.py', root_dir=base, recursive=True), g('b*', root_dir='a2'))
print(g(os.path.join(base, 'a*', 'b1')) == [os.path.join(base, 'a1', 'b1'), os.path.join(base, 'a2', 'b1')])
print(g(b'*.txt'), g(b'a1/*/*'), g(b'**/*.py', recursive=True), g(b'top.txt'))
print(g(glob.escape('we[ird]*.txt')), g('we[ird]*.txt'), glob.escape('a*b?c[d]'), glob.escape(b'x[*]'), glob.escape('/p/q'))
print(glob.has_magic('a[b'), glob.has_magic('plain'), glob.has_magic(b'*'), glob.has_magic(b'x'))
it = glob.iglob('*.txt')
print(type(it).__name__ != 'list', sorted(it))
print(sorted(glob.iglob('**', recursive=True))[:3])
os.chdir('/')
import shutil
shutil.rmtree(base)
