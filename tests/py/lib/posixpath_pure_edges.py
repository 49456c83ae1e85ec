# posixpath's string-only functions: str, bytes and PathLike inputs, the
# corner cases of each, and the TypeError/ValueError messages users see.
import posixpath as pp


class P:
    def __init__(self, v):
        self.v = v

    def __fspath__(self):
        return self.v

    def __repr__(self):
        return "P(%r)" % (self.v,)


class BadP:
    def __fspath__(self):
        return 42


def show(label, fn, *args):
    try:
        print(label, repr(fn(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)


for p in ('', '/', '//', '///', 'a', 'a/', '/a', 'a/b', '/a/b/', '//a/b', '///a/b//',
          '.', '..', './a', '../a/..', 'a/./b/../../..', '/..', '/../a', '//..',
          'a//b///c', '/a/b/../../../c', b'', b'/a//b/./../c/', b'..//x'):
    print(repr(p), repr(pp.normpath(p)), repr(pp.split(p)), repr(pp.basename(p)),
          repr(pp.dirname(p)), pp.isabs(p))

for p in ('', '.', '..', '...', '.a', '..a', 'a.', 'a..b', 'a.b.c', '/x.y/z', '/x/.y',
          '/x/..y.z', 'a/b.c/', 'dir.d/file', b'f.tar.gz', b'.hidden', b'x/y.', P('q.r')):
    print(repr(p), repr(pp.splitext(p)))

show('join1', pp.join, 'a')
show('join2', pp.join, '', '')
show('join3', pp.join, '/', 'a', '', 'b', '')
show('join4', pp.join, 'a', '/b', 'c/', '/d')
show('join5', pp.join, b'x', b'', b'y')
show('join6', pp.join, P('a'), P('b'), 'c')
show('join7', pp.join, 1)
show('join8', pp.join, 'a', None)
show('join9', pp.join, b'a', 'b')
show('join10', pp.join, 'a', BadP())
show('join11', pp.join, [], 'x')
show('split1', pp.split, P('/a/b'))
show('split2', pp.split, 3.5)
show('basename', pp.basename, None)
show('dirname', pp.dirname, b'//x//y')
show('splitdrive', pp.splitdrive, b'/a')
show('normcase', pp.normcase, b'AbC')
show('normcase2', pp.normcase, 7)
show('isabs', pp.isabs, P('/q'))

show('cp1', pp.commonprefix, ['abc', 'abd', 'ab'])
show('cp2', pp.commonprefix, ['abc'])
show('cp3', pp.commonprefix, ())
show('cp4', pp.commonprefix, [b'/usr/a', b'/usr/b'])
show('cp5', pp.commonprefix, [['a', 'b', 'c'], ['a', 'b', 'd']])
show('cp6', pp.commonprefix, ['x', ''])
show('cp7', pp.commonprefix, [P('/ab'), '/ac'])

show('cpath1', pp.commonpath, ['/a/b/c', '/a/b/d', '/a/b'])
show('cpath2', pp.commonpath, ['/', '/a'])
show('cpath3', pp.commonpath, ['a/./b', 'a/b/c'])
show('cpath4', pp.commonpath, ['/ab', '/ac'])
show('cpath5', pp.commonpath, ['a'])
show('cpath6', pp.commonpath, [b'/x/y', b'/x/z'])
show('cpath7', pp.commonpath, [])
show('cpath8', pp.commonpath, ['/a', 'a'])
show('cpath9', pp.commonpath, ['/a', b'/a'])
show('cpath10', pp.commonpath, ['a', 3])
show('cpath11', pp.commonpath, ['', 'a'])
show('cpath12', pp.commonpath, iter(['/x/y', '/x']))
show('cpath13', pp.commonpath, ['//a/b', '/a/c'])

show('rel1', pp.relpath, '/a/b/c', '/a')
show('rel2', pp.relpath, '/a', '/a/b/c')
show('rel3', pp.relpath, '/', '/')
show('rel4', pp.relpath, '/x/y', '/a/b')
show('rel5', pp.relpath, b'/a/b', b'/a/c')
show('rel6', pp.relpath, '', '/a')
show('rel7', pp.relpath, '/a', b'/a')
show('rel8', pp.relpath, '/a/b/', '/a/b/c/../')
show('rel9', pp.relpath, P('/p/q'), P('/p'))
show('rel10', pp.relpath, 5, '/a')
show('rel11', pp.relpath, b'', b'/')

print(pp.sep, pp.curdir, pp.pardir, pp.extsep, pp.pathsep, pp.defpath, pp.altsep,
      pp.devnull, pp.supports_unicode_filenames)
print(sorted(pp.__all__))
