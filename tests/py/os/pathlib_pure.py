# pathlib's pure path arithmetic.
import os
from pathlib import Path, PurePath, PurePosixPath, PosixPath

p = PurePosixPath('/usr/lib/python3.11/os.tar.gz')
print(p, repr(p), p.name, p.stem, p.suffix, p.suffixes, p.parent, p.anchor, p.root, repr(p.drive))
print(p.parts, [str(x) for x in p.parents])
print(PurePath('a', 'b/c', 'd'), repr(PurePath('a//b/./c/')), PurePath(), PurePath('/a', '/b'))
print(Path('a') / 'b' / 'c', 'x' / Path('y'), Path('/a') / '/b', repr(Path('a/b')), type(Path('x')).__name__)
print(Path('a/b.txt').with_suffix('.md'), Path('a/b.txt').with_name('c.py'), Path('a/b.txt').with_stem('z'))
print(Path('a/b.txt').with_suffix(''), Path('a/b').with_suffix('.x'))
print(Path('/a/b/c').relative_to('/a'), Path('/a/b').is_relative_to('/a'), Path('/a/b').is_relative_to('/c'))
print(Path('/a').is_absolute(), Path('a').is_absolute(), Path('a').joinpath('b', 'c'))
print(Path('a/b.py').match('*.py'), Path('/a/b/c.py').match('b/*.py'), Path('a/b.py').match('/*.py'))
print(Path('x') == Path('x'), Path('x') == PurePosixPath('x'), Path('a') < Path('b'), sorted([Path('b'), Path('a')]))
print(hash(Path('q')) == hash(Path('q')), os.fspath(Path('a/b')), str(Path('.')), Path('.').name == '')
print(Path('a/b').as_posix(), Path('/a/b').as_uri(), Path('..').parent, Path('/').parent)
print({Path('k'): 1}[Path('k')], isinstance(Path('a'), os.PathLike))
for bad in (lambda: Path('a/b').relative_to('c'), lambda: Path('a').with_suffix('txt'),
            lambda: Path('').with_name('x'), lambda: Path('a').with_name('b/c')):
    try:
        bad()
    except ValueError as e:
        print(e)
try:
    Path(5)
except TypeError as e:
    print(type(e).__name__)
