"""Filesystem paths as objects, POSIX flavour only.

Design notes
------------
Covered: PurePath/PurePosixPath (string arithmetic, no I/O) and
Path/PosixPath (the same plus file-system calls through os, which release
the GIL around each system call).  Left out: the Windows flavour, owner()
and group() (gilpy has no pwd/grp; they raise NotImplementedError), and the
3.12+ additions (walk, with_segments, case_sensitive arguments).

A path is normalised once, when it is built, into an anchor ('', '/' or
'//': POSIX keeps exactly two leading slashes apart) and a tuple of names
with empty and '.' entries removed; '..' stays, since resolving it needs the
file system.  Everything else (str, parts, parents, comparisons) derives
from those two fields, and the string form is cached on first use.
Ordering compares the parts tuples, so 'a/b' sorts by component like
CPython does rather than by raw characters.

Globbing is a small recursive matcher over the pattern's components: a
literal component is looked up directly, a wildcard one lists the directory
and filters with fnmatch (hidden names included, as in 3.11), '**' means
this directory and every real subdirectory below it (symlinked directories
are not entered), and a trailing '/' keeps only directories.
"""

import fnmatch
import os
import posixpath

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]

_TYPE_MASK = 0o170000
_KINDS = {"dir": 0o040000, "file": 0o100000, "link": 0o120000, "block": 0o060000,
          "char": 0o020000, "fifo": 0o010000, "socket": 0o140000}


def _text_of(value):
    if isinstance(value, PurePath):
        return str(value)
    text = os.fspath(value)
    if not isinstance(text, str):
        raise TypeError("argument should be a str object or an os.PathLike "
                        "object returning str, not %r" % type(text))
    return text


def _split(texts):
    """(anchor, names) for the path spelled by joining [texts]."""
    anchor = ""
    names = []
    for text in texts:
        if text.startswith("/"):
            # An absolute piece discards everything before it.
            body = text.lstrip("/")
            anchor = "//" if len(text) - len(body) == 2 else "/"
            names = []
            text = body
        names.extend(name for name in text.split("/") if name and name != ".")
    return anchor, tuple(names)


class _PathParents:
    """The read-only sequence behind PurePath.parents."""

    __slots__ = ("_path", "_count")

    def __init__(self, path):
        self._path = path
        self._count = len(path._names)

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index >= self._count or index < -self._count:
            raise IndexError(index)
        if index < 0:
            index += self._count
        path = self._path
        return path._build(path._anchor, path._names[:-index - 1])

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath(os.PathLike):
    """A path that is only text: joining, splitting and matching, no I/O."""

    __slots__ = ("_anchor", "_names", "_text")

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_texts([_text_of(arg) for arg in args])

    @classmethod
    def _from_texts(cls, texts):
        return cls._build(*_split(texts))

    @classmethod
    def _build(cls, anchor, names):
        made = object.__new__(cls)
        made._anchor = anchor
        made._names = names
        made._text = None
        return made

    def _extended(self, others):
        return self._from_texts([str(self)] + [_text_of(other) for other in others])

    # -- text forms

    def __str__(self):
        if self._text is None:
            self._text = (self._anchor + "/".join(self._names)) or "."
        return self._text

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(str(self))

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, str(self))

    def as_uri(self):
        if not self._anchor:
            raise ValueError("relative path can't be expressed as a file URI")
        from urllib.parse import quote_from_bytes
        return "file://" + quote_from_bytes(bytes(self))

    # -- comparison

    def _key(self):
        return (self._anchor,) + self._names if self._anchor else self._names

    def _ordered(self, other, relation):
        if isinstance(other, PurePath):
            return relation(self._key(), other._key())
        return NotImplemented

    def __eq__(self, other):
        return self._ordered(other, lambda mine, theirs: mine == theirs)

    def __hash__(self):
        return hash(self._key())

    def __lt__(self, other):
        return self._ordered(other, lambda mine, theirs: mine < theirs)

    def __le__(self, other):
        return self._ordered(other, lambda mine, theirs: mine <= theirs)

    def __gt__(self, other):
        return self._ordered(other, lambda mine, theirs: mine > theirs)

    def __ge__(self, other):
        return self._ordered(other, lambda mine, theirs: mine >= theirs)

    def __reduce__(self):
        return type(self), self.parts

    # -- joining

    def __truediv__(self, key):
        try:
            return self._extended([key])
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._from_texts([_text_of(key), str(self)])
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        return self._extended(args)

    # -- components

    drive = property(lambda self: "")
    root = property(lambda self: self._anchor)
    anchor = property(lambda self: self._anchor)

    @property
    def parts(self):
        return self._key()

    @property
    def name(self):
        return self._names[-1] if self._names else ""

    def _dot(self):
        # Index of the suffix's dot in name, or -1.  A leading dot starts a
        # hidden name, and a trailing one is not a suffix.
        name = self.name
        dot = name.rfind(".")
        return dot if 0 < dot < len(name) - 1 else -1

    @property
    def suffix(self):
        dot = self._dot()
        return self.name[dot:] if dot > 0 else ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        return ["." + piece for piece in name.lstrip(".").split(".")[1:]]

    @property
    def stem(self):
        dot = self._dot()
        return self.name[:dot] if dot > 0 else self.name

    @property
    def parent(self):
        if not self._names:
            return self
        return self._build(self._anchor, self._names[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def is_absolute(self):
        return bool(self._anchor)

    def is_reserved(self):
        return False

    # -- derived paths

    def _renamed(self, name):
        return self._build(self._anchor, self._names[:-1] + (name,))

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._renamed(name)

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix or suffix == "." or (suffix and suffix[0] != "."):
            raise ValueError("Invalid suffix %r" % (suffix,))
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        return self._renamed(self.stem + suffix)

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        start = self._from_texts([_text_of(piece) for piece in other])
        depth = len(start._names)
        if start._anchor != self._anchor or self._names[:depth] != start._names:
            raise ValueError("{!r} is not in the subpath of {!r} OR one path is relative "
                             "and the other is absolute.".format(str(self), str(start)))
        return self._build("", self._names[depth:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
        except ValueError:
            return False
        return True

    def match(self, path_pattern):
        pattern = self._from_texts([_text_of(path_pattern)])
        wanted = pattern.parts
        if not wanted:
            raise ValueError("empty pattern")
        have = self.parts
        # A relative pattern matches from the right; an absolute one must
        # cover the whole path.
        if len(wanted) > len(have) or (pattern._anchor and len(wanted) != len(have)):
            return False
        tail = have[len(have) - len(wanted):]
        return all(fnmatch.fnmatchcase(name, glob) for name, glob in zip(tail, wanted))


class PurePosixPath(PurePath):
    """The POSIX flavour of PurePath."""

    __slots__ = ()


# ---------------------------------------------------------------------------
# Globbing

def _has_magic(component):
    return any(ch in component for ch in "*?[")


def _list_dir(path):
    try:
        with os.scandir(path) as listing:
            return list(listing)
    except OSError:
        return []


def _entry_is_dir(entry, follow=True):
    try:
        return entry.is_dir(follow_symlinks=follow)
    except OSError:
        return False


def _real_subdirectories(path):
    """[path] and every directory below it, not entering symlinks."""
    yield path
    for entry in _list_dir(path):
        if _entry_is_dir(entry, follow=False):
            yield from _real_subdirectories(path._child(entry.name))


def _glob_from(path, components):
    if not components:
        yield path
        return
    head, rest = components[0], components[1:]
    if head == "":
        # A trailing '/' in the pattern: keep the match only if it is a
        # directory.
        if path.is_dir():
            yield path
        return
    if head == "**":
        seen = set()
        for directory in _real_subdirectories(path):
            for found in _glob_from(directory, rest):
                if found not in seen:
                    seen.add(found)
                    yield found
        return
    if "**" in head:
        raise ValueError("Invalid pattern: '**' can only be an entire path component")
    if not _has_magic(head):
        child = path._child(head)
        if (child.is_dir() if rest else child.exists() or child.is_symlink()):
            yield from _glob_from(child, rest)
        return
    for entry in _list_dir(path):
        if rest and not _entry_is_dir(entry):
            continue
        if fnmatch.fnmatchcase(entry.name, head):
            yield from _glob_from(path._child(entry.name), rest)


def _pattern_components(pattern):
    anchor, names = _split([pattern])
    if anchor:
        raise NotImplementedError("Non-relative patterns are unsupported")
    components = list(names)
    if pattern.endswith("/"):
        components.append("")
    return components


# ---------------------------------------------------------------------------
# Concrete paths

class Path(PurePath):
    """A PurePath that can also ask the file system."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_texts([_text_of(arg) for arg in args])

    def _child(self, name):
        return self._build(self._anchor, self._names + (name,))

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(posixpath.expanduser("~"))

    def absolute(self):
        return self if self._anchor else self._from_texts([os.getcwd(), str(self)])

    def resolve(self, strict=False):
        return self._from_texts([posixpath.realpath(str(self), strict=strict)])

    def expanduser(self):
        if self._anchor or not self._names or not self._names[0].startswith("~"):
            return self
        home = posixpath.expanduser(self._names[0])
        if home.startswith("~"):
            raise RuntimeError("Could not determine home directory.")
        return self._from_texts([home] + list(self._names[1:]))

    def samefile(self, other_path):
        other = other_path if isinstance(other_path, Path) else type(self)(other_path)
        return posixpath.samestat(self.stat(), other.stat())

    # -- listing

    def iterdir(self):
        for name in os.listdir(self):
            yield self._child(name)

    def glob(self, pattern):
        """Yield the existing paths below this one that match [pattern]."""
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        return _glob_from(self, _pattern_components(pattern))

    def rglob(self, pattern):
        """glob() with the pattern applied at every depth."""
        return _glob_from(self, ["**"] + _pattern_components(pattern))

    # -- metadata

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.stat(self, follow_symlinks=False)

    def owner(self):
        raise NotImplementedError("Path.owner() is unsupported on this system")

    def group(self):
        raise NotImplementedError("Path.group() is unsupported on this system")

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def _is_kind(self, kind, follow=True):
        # The predicates answer False instead of raising for paths that do
        # not exist or cannot be examined.
        try:
            mode = os.stat(self, follow_symlinks=follow).st_mode
        except (OSError, ValueError):
            return False
        return kind is None or mode & _TYPE_MASK == _KINDS[kind]

    def exists(self):
        return self._is_kind(None)

    def is_dir(self):
        return self._is_kind("dir")

    def is_file(self):
        return self._is_kind("file")

    def is_symlink(self):
        return self._is_kind("link", follow=False)

    def is_block_device(self):
        return self._is_kind("block")

    def is_char_device(self):
        return self._is_kind("char")

    def is_fifo(self):
        return self._is_kind("fifo")

    def is_socket(self):
        return self._is_kind("socket")

    def is_mount(self):
        return posixpath.ismount(self)

    # -- contents

    def open(self, mode='r', buffering=-1, encoding=None,
             errors=None, newline=None):
        return open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with open(self, "rb") as stream:
            return stream.read()

    def read_text(self, encoding=None, errors=None):
        with open(self, "r", encoding=encoding, errors=errors) as stream:
            return stream.read()

    def write_bytes(self, data):
        with open(self, "wb") as stream:
            return stream.write(data)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % type(data).__name__)
        with open(self, "w", encoding=encoding, errors=errors, newline=newline) as stream:
            return stream.write(data)

    # -- creating, linking, removing

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self, None)
                return
            except OSError:
                pass            # missing: fall through and create it
        flags = os.O_CREAT | os.O_WRONLY | (0 if exist_ok else os.O_EXCL)
        os.close(os.open(self, flags, mode))

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
            return
        except FileNotFoundError:
            if not parents or not self._names:
                raise
        except OSError:
            # An existing directory is fine when asked; anything else that
            # sits at this path is still an error.
            if exist_ok and self.is_dir():
                return
            raise
        # Some ancestors are missing: create them top-down with the default
        # mode (an existing one that is no directory fails in os.mkdir),
        # then try again.
        missing = []
        above = self.parent
        while above != above.parent and not above.exists():
            missing.append(above)
            above = above.parent
        for directory in reversed(missing):
            try:
                os.mkdir(directory)
            except FileExistsError:
                if not directory.is_dir():
                    raise
        self.mkdir(mode, exist_ok=exist_ok)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def readlink(self):
        return type(self)(os.readlink(self))

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)

    def hardlink_to(self, target):
        os.link(target, self)


class PosixPath(Path, PurePosixPath):
    """The POSIX flavour of Path."""

    __slots__ = ()
