"""Object-oriented filesystem paths (the POSIX half of CPython's pathlib).

PurePath / PurePosixPath do path arithmetic on strings; Path / PosixPath add
the calls that touch the file system (through os, whose calls release the
GIL). A path is stored as its root ('' or '/' or '//') and a tuple of
normalised parts, as CPython 3.11 does.
"""

import fnmatch
import os
import posixpath

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _parse_parts(parts):
    """Parses path strings into (root, [parts]) the way PurePath does."""
    root = ''
    rel = []
    for part in parts:
        if not part:
            continue
        if part.startswith('/'):
            stripped = part.lstrip('/')
            nslash = len(part) - len(stripped)
            root = '//' if nslash == 2 else '/'
            rel = []
            part = stripped
        for x in part.split('/'):
            if x and x != '.':
                rel.append(x)
    return root, rel


class PurePath(os.PathLike):
    """Base class for manipulating paths without I/O."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(args)

    @classmethod
    def _from_parts(cls, args):
        strs = []
        for a in args:
            if isinstance(a, PurePath):
                strs.append(str(a))
                continue
            a = os.fspath(a)
            if isinstance(a, str):
                strs.append(a)
            else:
                raise TypeError(
                    "argument should be a str object or an os.PathLike "
                    "object returning str, not %r" % type(a))
        root, parts = _parse_parts(strs)
        return cls._from_parsed(root, parts)

    @classmethod
    def _from_parsed(cls, root, parts):
        self = object.__new__(cls)
        self._root = root
        self._tail = tuple(parts)
        self._str = None
        return self

    def _make_child(self, args):
        strs = [str(self)]
        for a in args:
            if isinstance(a, PurePath):
                strs.append(str(a))
            else:
                a = os.fspath(a)
                if not isinstance(a, str):
                    raise TypeError(
                        "argument should be a str object or an os.PathLike "
                        "object returning str, not %r" % type(a))
                strs.append(a)
        root, parts = _parse_parts(strs)
        return self._from_parsed(root, parts)

    def __str__(self):
        s = self._str
        if s is None:
            s = self._root + '/'.join(self._tail)
            if not s:
                s = '.'
            self._str = s
        return s

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        return 'file://' + str(self)

    def _key(self):
        return (self._root, self._tail)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        return hash(str(self))

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) < str(other)

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) <= str(other)

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) > str(other)

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) >= str(other)

    def __truediv__(self, key):
        try:
            return self._make_child((key,))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from_parts((key, str(self)))
        except TypeError:
            return NotImplemented

    def __reduce__(self):
        return (self.__class__, tuple(self.parts))

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        if self._root:
            return (self._root,) + self._tail
        return self._tail

    @property
    def name(self):
        if not self._tail:
            return ''
        return self._tail[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + suffix for suffix in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._tail:
            return self
        return self._from_parsed(self._root, self._tail[:-1])

    @property
    def parents(self):
        result = []
        p = self
        while p._tail:
            p = p.parent
            result.append(p)
        return tuple(result)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or name[-1] == '/' or '/' in name or name == '.':
            raise ValueError("Invalid name %r" % (name,))
        return self._from_parsed(self._root, self._tail[:-1] + (name,))

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix:
            raise ValueError("Invalid suffix %r" % (suffix,))
        if suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old_suffix = self.suffix
        if not old_suffix:
            name = name + suffix
        else:
            name = name[:-len(old_suffix)] + suffix
        return self._from_parsed(self._root, self._tail[:-1] + (name,))

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        to = self._from_parts(other)
        n = len(to._tail)
        if to._root != self._root or self._tail[:n] != to._tail:
            formatted = str(to)
            raise ValueError("{!r} is not in the subpath of {!r}"
                             " OR one path is relative and the other is absolute."
                             .format(str(self), formatted))
        return self._from_parsed('', self._tail[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def joinpath(self, *args):
        return self._make_child(args)

    def match(self, path_pattern):
        pat = self._from_parts((path_pattern,))
        if not pat.parts:
            raise ValueError("empty pattern")
        parts = self.parts
        pat_parts = pat.parts
        if pat._root:
            if len(pat_parts) != len(parts):
                return False
        elif len(pat_parts) > len(parts):
            return False
        for part, pattern in zip(reversed(parts), reversed(pat_parts)):
            if not fnmatch.fnmatchcase(part, pattern):
                return False
        return True


class PurePosixPath(PurePath):
    """PurePath subclass for non-Windows systems."""

class Path(PurePath):
    """PurePath subclass that can make system calls."""
    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(args)

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(posixpath.expanduser('~'))

    def samefile(self, other_path):
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = self.__class__(other_path).stat()
        return posixpath.samestat(st, other_st)

    def iterdir(self):
        for name in os.listdir(self):
            yield self._make_child((name,))

    def _glob_parts(self, parts, recursive_ok=True):
        if not parts:
            yield self
            return
        head, rest = parts[0], parts[1:]
        if head == '**' and recursive_ok:
            seen = set()
            for d in self._walk_dirs():
                for p in d._glob_parts(rest):
                    key = str(p)
                    if key not in seen:
                        seen.add(key)
                        yield p
            return
        if not any(c in head for c in '*?['):
            child = self._make_child((head,))
            if rest:
                if child.is_dir():
                    yield from child._glob_parts(rest)
            elif child.exists() or child.is_symlink():
                yield child
            return
        try:
            entries = sorted(os.scandir(self), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            name = entry.name
            if name.startswith('.') and not head.startswith('.'):
                continue
            if fnmatch.fnmatchcase(name, head):
                child = self._make_child((name,))
                if rest:
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    if is_dir:
                        yield from child._glob_parts(rest)
                else:
                    yield child

    def _walk_dirs(self):
        yield self
        try:
            entries = sorted(os.scandir(self), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir and not entry.name.startswith('.'):
                yield from self._make_child((entry.name,))._walk_dirs()

    def glob(self, pattern):
        """Iterate over this subtree and yield all existing files (of any
        kind, including directories) matching the given relative pattern."""
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = list(pat._tail)
        if pattern.endswith('/'):
            parts.append('')
        return self._glob_parts([p for p in parts if p])

    def rglob(self, pattern):
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        return self._glob_parts(['**'] + list(pat._tail))

    def absolute(self):
        if self.is_absolute():
            return self
        return self._from_parts((os.getcwd(), str(self)))

    def resolve(self, strict=False):
        return self._from_parts((posixpath.realpath(str(self), strict=strict),))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def owner(self):
        raise NotImplementedError("Path.owner() is unsupported on this system")

    def group(self):
        raise NotImplementedError("Path.group() is unsupported on this system")

    def open(self, mode='r', buffering=-1, encoding=None,
             errors=None, newline=None):
        return open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        with self.open(mode='wb') as f:
            return f.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' %
                            data.__class__.__name__)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def readlink(self):
        return self._from_parts((os.readlink(self),))

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def lstat(self):
        return self.stat(follow_symlinks=False)

    def rename(self, target):
        os.rename(self, target)
        return self.__class__(target)

    def replace(self, target):
        os.replace(self, target)
        return self.__class__(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)

    def hardlink_to(self, target):
        os.link(target, self)

    def _mode(self, follow=True):
        try:
            return os.stat(self, follow_symlinks=follow).st_mode
        except (OSError, ValueError):
            return None

    def exists(self):
        return self._mode() is not None

    def is_dir(self):
        mode = self._mode()
        return mode is not None and (mode & 0o170000) == 0o040000

    def is_file(self):
        mode = self._mode()
        return mode is not None and (mode & 0o170000) == 0o100000

    def is_mount(self):
        return posixpath.ismount(self)

    def is_symlink(self):
        mode = self._mode(False)
        return mode is not None and (mode & 0o170000) == 0o120000

    def is_block_device(self):
        mode = self._mode()
        return mode is not None and (mode & 0o170000) == 0o060000

    def is_char_device(self):
        mode = self._mode()
        return mode is not None and (mode & 0o170000) == 0o020000

    def is_fifo(self):
        mode = self._mode()
        return mode is not None and (mode & 0o170000) == 0o010000

    def is_socket(self):
        mode = self._mode()
        return mode is not None and (mode & 0o170000) == 0o140000

    def expanduser(self):
        if not self._root and self._tail and self._tail[0][:1] == '~':
            homedir = posixpath.expanduser(self._tail[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return self._from_parts((homedir,) + self._tail[1:])
        return self


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems."""
