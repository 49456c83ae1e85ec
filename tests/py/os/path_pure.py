# os.path's string functions.
import os.path
import posixpath

print(os.path is posixpath, os.sep, os.path.sep, os.curdir, os.pardir, os.extsep)
print(os.path.join('a', 'b', 'c'), os.path.join('a/', 'b'), os.path.join('a', '/b', 'c'),
      os.path.join('', 'x'), os.path.join('a', ''), os.path.join(b'a', b'b'))
for p in ('/a/b/c.txt', 'a/b/', 'c', '/', '//x', '', 'a//b', '/a/../b'):
    print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p),
          os.path.splitext(p), os.path.isabs(p), os.path.normpath(p))
for p in ('x.tar.gz', '.bashrc', 'a/.b.c', 'noext', 'a.b/c', '...'):
    print(p, os.path.splitext(p))
print(os.path.normpath('a//b/./c/../d/'), os.path.normpath('../../x'), os.path.normpath('//a//b'),
      os.path.normpath('///a'), os.path.normpath('.'), os.path.normpath(b'/x/../y'))
print(os.path.relpath('/a/b/c', '/a/d'), os.path.relpath('/a/b', '/a/b'), os.path.relpath('/x', '/a/b'))
print(os.path.commonprefix(['/usr/lib', '/usr/local', '/usr/l']), repr(os.path.commonprefix([])))
print(os.path.commonpath(['/usr/lib', '/usr/local']), os.path.commonpath(['a/b', 'a/c']))
print(os.path.splitdrive('/a/b'), os.path.normcase('AbC'))
print(os.path.expanduser('~') == os.environ.get('HOME'), os.path.expanduser('x~'))
os.environ['GP_TEST_VAR'] = 'val'
print(os.path.expandvars('$GP_TEST_VAR/${GP_TEST_VAR}/$NO_SUCH_VAR_ZZ'))
print(os.path.abspath('x') == os.path.join(os.getcwd(), 'x'), os.path.abspath('/a/./b/../c'))
try:
    os.path.join('a', 1)
except TypeError as e:
    print(e)
try:
    os.path.join('a', b'b')
except TypeError as e:
    print(e)
try:
    os.path.basename(5)
except TypeError as e:
    print(e)
try:
    os.path.commonpath(['/a', 'b'])
except ValueError as e:
    print(e)
