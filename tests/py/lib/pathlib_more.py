# pathlib beyond tests/py/os/pathlib_*: parsing corners, suffix rules, the
# parents sequence, comparison errors, error messages, globbing details and
# the file-system predicates.
import os
import tempfile
from pathlib import Path, PurePath, PurePosixPath, PosixPath


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        text = str(e)
        if 'base' in globals():
            text = text.replace(str(base), '<base>')
        print(type(e).__name__ + ':', text)


for text in ('//net/share', '///x', '/', '', '.', './a/./b/.', 'a/../b', '~/x', '/a//b//', '.hidden'):
    q = PurePosixPath(text)
    print(repr(text), str(q), q.parts, q.root, q.anchor, repr(q.name), q.is_absolute())
for name in ('a.txt', '.bashrc', 'a.', 'a..b', 'archive.tar.gz', '..', 'x.y.', 'noext', '.a.b'):
    q = PurePosixPath('d', name)
    print(repr(name), repr(q.suffix), q.suffixes, repr(q.stem))
q = PurePosixPath('/a/b/c/d')
print(len(q.parents), list(map(str, q.parents)), q.parents[0], q.parents[-1], q.parents[1:3])
print(list(PurePosixPath('x/y').parents), list(PurePosixPath('/').parents))
show(lambda: q.parents[4])
print(PurePath('a') == 'a', PurePath('a') != 'a', PurePath('/a/b') > PurePath('/a'), PurePath('a', PurePath('b'), 'c'))
show(lambda: PurePath('a') < 'b')
show(lambda: PurePath('a') / 5)
show(lambda: 5 / PurePath('a'))
show(lambda: PurePath(b'bytes'))
print(bytes(PurePath('/x/é')), PurePath('/x y').as_uri(), PurePosixPath('a').joinpath(), PurePosixPath('/a').relative_to('/'))
show(lambda: PurePath('a').as_uri())
show(lambda: PurePath('/a/b').relative_to('/a/b/c'))
show(lambda: PurePath('/a/b').relative_to('a'))
show(lambda: PurePath('/a/b/c').relative_to('/a', 'b'))
show(lambda: PurePath('a').relative_to())
show(lambda: PurePath('a.txt').with_suffix('.'))
show(lambda: PurePath('a.txt').with_suffix('./'))
show(lambda: PurePath('a.txt').with_suffix('/x'))
show(lambda: PurePath('/').with_suffix('.x'))
show(lambda: PurePath('a').with_name(''))
show(lambda: PurePath('a').with_name('.'))
show(lambda: PurePath('/').with_name('x'))
show(lambda: PurePath('a.b.c').with_stem('z'))
show(lambda: PurePath('.bashrc').with_suffix('.x'))
show(lambda: PurePath('a').match(''))
print(PurePath('/a/b').match('/a/b'), PurePath('/a/b').match('/b'), PurePath('a/b/c').match('b/c'),
      PurePath('a/b').match('*'), PurePath('A.PY').match('*.py'), PurePath('a/b').match('a/*/b'))
print(PurePath('a').is_reserved(), repr(PurePath('x').drive), PurePosixPath('a').__reduce__())
print(sorted({PurePath('a'), PurePath('a/'), PurePath('./a'), PurePath('b')}))

base = Path(tempfile.mkdtemp())
(base / 'd1' / 'd2').mkdir(parents=True)
(base / '.hid').write_text('h')
(base / 'd1' / '.hidden.txt').write_text('h')
(base / 'd1' / 'x.txt').write_text('x')
(base / 'd1' / 'd2' / 'y.txt').write_text('y')
(base / 'top.txt').write_text('t')
(base / 'lnk').symlink_to(base / 'd1')


def names(it):
    return sorted(str(x.relative_to(base)) for x in it)


print(names(base.glob('*')), names(base.glob('.*')), names(base.glob('*/')))
print(names(base.glob('**')), names(base.glob('**/*.txt')), names(base.rglob('*.txt')))
print(names(base.glob('d1/*')), names(base.glob('d?/d[0-9]/*')), names(base.glob('missing/*')))
print(names(base.rglob('d2')), names(base.glob('top.txt')), names(base.glob('nothing.txt')))
show(lambda: list(base.glob('')))
show(lambda: list(base.glob('/abs')))
show(lambda: list(base.rglob('/abs')))
f = base / 'top.txt'
print(f.is_file(), f.is_dir(), f.is_symlink(), (base / 'lnk').is_symlink(), (base / 'lnk').is_dir(),
      f.is_fifo(), f.is_socket(), f.is_block_device(), f.is_char_device(), Path('/dev/null').is_char_device(),
      base.is_mount(), Path('/').is_mount())
print(f.samefile(str(f)), f.samefile(base / 'lnk' / '..' / 'top.txt'), (base / 'lnk').lstat().st_size != (base / 'lnk').stat().st_size or True)
show(lambda: (base / 'top.txt').touch(exist_ok=False))
(base / 'new').touch(mode=0o600)
print(oct((base / 'new').stat().st_mode & 0o777))
(base / 'new').chmod(0o640)
print(oct((base / 'new').stat().st_mode & 0o777))
print((base / 'new').replace(base / 'newer').name, (base / 'newer').exists())
(base / 'hard').hardlink_to(base / 'newer')
print((base / 'hard').stat().st_nlink, (base / 'lnk').readlink() == base / 'd1')
show(lambda: (base / 'd1').rmdir())
show(lambda: (base / 'nope' / 'x').mkdir())
show(lambda: (base / 'top.txt').mkdir(exist_ok=True))
show(lambda: (base / 'none').read_text())
print(type(Path.cwd()).__name__, Path('~').expanduser() == Path(os.path.expanduser('~')),
      Path('a/~').expanduser(), Path('/~').expanduser())
print(PosixPath('q') == Path('q'), isinstance(Path('q'), PurePosixPath), type(PurePath('a')).__name__)
(base / 'm' / 'b' / 'c').mkdir(parents=True)
os.symlink(base / 'nowhere', base / 'dl')
for target, kw in ((base / 'm' / 'b' / 'c', {}), (base / 'top.txt' / 'g' / 'h', {'parents': True}),
                   (base / 'm', {'parents': True}), (base / 'm', {'parents': True, 'exist_ok': True}),
                   (base / 'q' / 'r', {'exist_ok': True}), (base / 'top.txt', {'exist_ok': True}),
                   (base / 'dl' / 'x', {'parents': True})):
    show(lambda: target.mkdir(**kw))
print(names(base.glob('m/**')))
import shutil
shutil.rmtree(base)
