# shutil beyond tests/py/os/shutil_ops: copy variants and symlinks, copytree
# options and its aggregated errors, rmtree callbacks, move corner cases,
# which() search rules and get_terminal_size's environment override.
import os
import shutil
import stat
import tempfile

base = tempfile.mkdtemp()


def p(*parts):
    return os.path.join(base, *parts)


def rel(path):
    return None if path is None else os.path.relpath(path, base)


def show(f):
    try:
        r = f()
        print(rel(r) if isinstance(r, str) else r)
    except Exception as e:
        msg = str(e).replace(base, '<base>')
        print(type(e).__name__ + ':', msg)


def write(path, text='x'):
    with open(path, 'w') as f:
        f.write(text)


def tree(top):
    out = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        for name in sorted(filenames + dirnames):
            full = os.path.join(dirpath, name)
            kind = 'L' if os.path.islink(full) else 'D' if os.path.isdir(full) else 'F'
            out.append(kind + ':' + os.path.relpath(full, top))
    return sorted(out)


os.makedirs(p('src', 'a', 'deep'))
write(p('src', 'one.txt'), 'one')
write(p('src', 'two.log'), 'two')
write(p('src', 'a', 'three.txt'), 'three')
write(p('src', 'a', 'deep', 'four.pyc'), 'four')
os.symlink('one.txt', p('src', 'link'))
os.symlink('nowhere', p('src', 'dangling'))
os.chmod(p('src', 'one.txt'), 0o604)

# copyfile / copymode / copystat / copy with symlinks
show(lambda: shutil.copyfile(p('src', 'link'), p('viafollow')))
print(os.path.islink(p('viafollow')), open(p('viafollow')).read())
show(lambda: shutil.copyfile(p('src', 'link'), p('vialink'), follow_symlinks=False))
print(os.path.islink(p('vialink')), os.readlink(p('vialink')))
show(lambda: shutil.copyfile(p('src', 'one.txt'), p('nodir', 'x')))
show(lambda: shutil.copyfile(p('src', 'one.txt'), p('src', 'a')))
show(lambda: shutil.copyfile(p('src', 'a'), p('adir')))
write(p('modes'))
os.chmod(p('modes'), 0o600)
shutil.copymode(p('src', 'one.txt'), p('modes'))
print(oct(stat.S_IMODE(os.stat(p('modes')).st_mode)))
os.utime(p('src', 'two.log'), (1500000000, 1600000000))
write(p('stamp'))
shutil.copystat(p('src', 'two.log'), p('stamp'))
print(os.stat(p('stamp')).st_mtime, os.stat(p('stamp')).st_atime)
show(lambda: shutil.copy(p('src', 'one.txt'), p('src', 'a')))
show(lambda: shutil.copy2(p('src', 'two.log'), p('copied.log')))
print(os.stat(p('copied.log')).st_mtime)
show(lambda: shutil.copy(p('src', 'link'), p('copylink'), follow_symlinks=False))
print(os.path.islink(p('copylink')))
show(lambda: shutil.copyfile(p('missing'), p('x')))

# ignore_patterns and copytree
ign = shutil.ignore_patterns('*.pyc', 't*')
print(sorted(ign('dir', ['a.pyc', 'b.txt', 'two.log', 'c'])))
show(lambda: shutil.copytree(p('src'), p('t1'), ignore=shutil.ignore_patterns('*.pyc', 'dangling')))
print(tree(p('t1')))
show(lambda: shutil.copytree(p('src'), p('t2'), symlinks=True))
print(tree(p('t2')))
show(lambda: shutil.copytree(p('src'), p('t3'), ignore_dangling_symlinks=True))
print(tree(p('t3')))
show(lambda: shutil.copytree(p('src'), p('t1')))
show(lambda: shutil.copytree(p('src', 'a'), p('t1'), dirs_exist_ok=True))
print(tree(p('t1')))
seen = []
show(lambda: shutil.copytree(p('src', 'a'), p('t4'), copy_function=lambda s, d: seen.append(os.path.basename(s)) or d))
print(sorted(seen), tree(p('t4')))
try:
    shutil.copytree(p('src'), p('t5'))
except shutil.Error as e:
    problems = e.args[0]
    print('Error', len(problems), [tuple(rel(x) for x in item[:2]) for item in problems])
calls = []
show(lambda: shutil.copytree(p('src', 'a'), p('t6'), ignore=lambda d, names: calls.append((rel(d), sorted(names))) or []))
print(calls)
show(lambda: shutil.copytree(p('nope'), p('t7')))

# rmtree
errors = []
shutil.rmtree(p('nope'), onerror=lambda func, path, info: errors.append((func.__name__, rel(path), info[0].__name__)))
print(errors)
show(lambda: shutil.rmtree(p('src', 'link')))
errors = []
shutil.rmtree(p('src', 'link'), onerror=lambda func, path, info: errors.append((func.__name__, rel(path), info[0].__name__)))
print(errors)
show(lambda: shutil.rmtree(p('t2')))
print(os.path.exists(p('t2')), os.path.exists(p('src', 'one.txt')))

# move
os.makedirs(p('m', 'inner'))
write(p('m', 'f'))
show(lambda: shutil.move(p('m', 'f'), p('m', 'inner')))
write(p('m', 'f'))
show(lambda: shutil.move(p('m', 'f'), p('m', 'inner')))
show(lambda: shutil.move(p('m'), p('m', 'inner')))
show(lambda: shutil.move(p('m', 'inner'), p('m2')))
show(lambda: shutil.move(p('m', 'f'), p('m', 'g')))
show(lambda: shutil.move(p('absent'), p('m', 'h')))
show(lambda: shutil.move(p('src', 'link'), p('m', 'moved-link')))
print(os.path.islink(p('m', 'moved-link')), tree(p('m')), tree(p('m2')))

# which
os.makedirs(p('bin1'))
os.makedirs(p('bin2'))
write(p('bin1', 'tool'))
write(p('bin2', 'tool'))
os.chmod(p('bin2', 'tool'), 0o755)
write(p('bin1', 'plain'))
search = os.pathsep.join([p('bin1'), p('bin2'), p('bin1')])
show(lambda: shutil.which('tool', path=search))
show(lambda: shutil.which('plain', path=search))
show(lambda: shutil.which('plain', mode=os.F_OK, path=search))
show(lambda: shutil.which('tool', path=''))
show(lambda: shutil.which(p('bin2', 'tool')))
show(lambda: shutil.which(p('bin1', 'tool')))
show(lambda: shutil.which('bin2', mode=os.F_OK, path=base))
r = shutil.which(b'tool', path=search)
print(type(r).__name__, os.path.basename(r))
old_path = os.environ.get('PATH')
os.environ['PATH'] = search
show(lambda: shutil.which('tool'))
os.environ['PATH'] = old_path

# get_terminal_size honours COLUMNS and LINES
os.environ['COLUMNS'], os.environ['LINES'] = '123', '45'
print(tuple(shutil.get_terminal_size()), shutil.get_terminal_size((1, 2)).columns)
os.environ['COLUMNS'] = 'bad'
print(shutil.get_terminal_size((77, 5)).lines)
print(issubclass(shutil.SameFileError, shutil.Error), issubclass(shutil.Error, OSError),
      issubclass(shutil.SpecialFileError, OSError), issubclass(shutil.ExecError, OSError), shutil.COPY_BUFSIZE > 0)
shutil.rmtree(base)
print(os.path.exists(base))
