# pathlib.Path's file-system methods.
import os
import tempfile
from pathlib import Path

base = Path(tempfile.mkdtemp())
q = base / 'sub' / 'file.txt'
q.parent.mkdir(parents=True, exist_ok=True)
print(q.write_text('alpha\nbeta\n'), repr(q.read_text()), q.read_bytes())
print(q.exists(), q.is_file(), q.is_dir(), q.parent.is_dir(), (base / 'nope').exists())
(base / 'sub' / 'b.txt').write_bytes(b'xyz')
(base / 'sub' / 'c.log').write_text('log')
(base / 'sub' / 'deep').mkdir()
(base / 'sub' / 'deep' / 'd.txt').touch()
print(sorted(x.name for x in (base / 'sub').iterdir()))
print(sorted(x.name for x in (base / 'sub').glob('*.txt')))
print(sorted(str(x.relative_to(base)) for x in base.rglob('*.txt')))
print(sorted(str(x.relative_to(base)) for x in base.glob('**/*.log')))
print(sorted(str(x.relative_to(base)) for x in base.glob('sub/*/*.txt')))
with q.open() as f:
    print(f.readline(), end='')
with q.open('a') as f:
    f.write('gamma\n')
print(q.read_text().split())
print(q.stat().st_size, q.resolve() == Path(os.path.realpath(q)), q.absolute() == q)
print(Path('rel').absolute() == Path.cwd() / 'rel', Path.home() == Path(os.path.expanduser('~')))
try:
    (base / 'sub').mkdir()
except FileExistsError as e:
    print(type(e).__name__)
(base / 'sub').mkdir(exist_ok=True)
try:
    (base / 'x' / 'y').mkdir()
except FileNotFoundError as e:
    print(type(e).__name__)
r = q.rename(base / 'renamed.txt')
print(r.name, q.exists(), r.exists())
(base / 'ln').symlink_to(r)
print((base / 'ln').is_symlink(), (base / 'ln').read_text() == r.read_text(), (base / 'ln').readlink() == r)
for p in (base / 'ln', r, base / 'sub' / 'b.txt', base / 'sub' / 'c.log', base / 'sub' / 'deep' / 'd.txt'):
    p.unlink()
(base / 'gone').unlink(missing_ok=True)
try:
    (base / 'gone').unlink()
except FileNotFoundError as e:
    print(type(e).__name__)
(base / 'sub' / 'deep').rmdir()
(base / 'sub').rmdir()
base.rmdir()
print(base.exists())
try:
    Path('x').write_text(b'bytes')
except TypeError as e:
    print(e)
