"""os.path for POSIX systems: pathname arithmetic plus a few stat() queries."""

# Design notes
# ------------
# Two families of functions live here.  The lexical ones (join, split,
# normpath, relpath, ...) never touch the disk; each accepts str, bytes or
# an os.PathLike and answers in the same type.  To keep one code path for
# both types, a function asks _seps() for the separator, '.' and '..' of
# the right type instead of duplicating itself.  The others (exists, isdir,
# realpath, ...) call the posix module directly, whose calls drop the GIL
# while they wait on the kernel.
#
# This module must not import os at load time: os imports us as os.path
# while it is still being built.  The two functions that need the
# environment (expanduser, expandvars) import os when they are called.
#
# Left out compared with CPython: Windows-only behaviour (drives, altsep),
# the 3.12 additions (splitroot, isjunction), and the pwd module -- home
# directories of other users are read straight from /etc/passwd.
#
# Type errors follow CPython's wording, because users match on them: a bad
# first argument gets the plain "expected str, bytes or os.PathLike" error,
# while a bad later argument, or a str/bytes mix, is reported as a whole by
# _reject_args().

import posix as _posix

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat", "curdir",
           "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath",
           "commonpath"]

sep, curdir, pardir, extsep = "/", ".", "..", "."
pathsep = ":"
defpath = ":".join(("/bin", "/usr/bin"))
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False

# File-type bits of st_mode (the stat module would be a needless import).
_TYPE_MASK = 0o170000
_TYPE_DIR = 0o040000
_TYPE_FILE = 0o100000
_TYPE_LINK = 0o120000

# (separator, current dir, parent dir, empty) for each string type.
_STR_PARTS = ("/", ".", "..", "")
_BYTES_PARTS = (b"/", b".", b"..", b"")


def _fspath(obj):
    """Return [obj] as str or bytes, calling __fspath__ if it has one."""
    if isinstance(obj, (str, bytes)):
        return obj
    hook = getattr(type(obj), "__fspath__", None)
    if hook is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(obj).__name__)
    value = hook(obj)
    if not isinstance(value, (str, bytes)):
        raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                        % (type(obj).__name__, type(value).__name__))
    return value


def _seps(path):
    return _BYTES_PARTS if isinstance(path, bytes) else _STR_PARTS


def _reject_args(func_name, args):
    """Raise the TypeError that explains why [args] cannot be combined."""
    saw_text = saw_bytes = False
    for arg in args:
        if isinstance(arg, str):
            saw_text = True
        elif isinstance(arg, bytes):
            saw_bytes = True
        else:
            raise TypeError("%s() argument must be str, bytes, or os.PathLike "
                            "object, not %r" % (func_name, type(arg).__name__))
    if saw_text and saw_bytes:
        raise TypeError("Can't mix strings and bytes in path components")


def _same_kind(func_name, first, others):
    # [first] is already converted; convert [others] and insist that every
    # piece is the same string type as [first].  An error message describes
    # [others] as the caller passed them.
    try:
        converted = [_fspath(item) for item in others]
    except TypeError:
        _reject_args(func_name, (first,) + tuple(others))
        raise
    want_bytes = isinstance(first, bytes)
    for item in converted:
        if isinstance(item, bytes) != want_bytes:
            _reject_args(func_name, (first,) + tuple(others))
    return converted


def _head_of(path, slash):
    """Everything before the last component, trailing slashes removed."""
    head = path[:path.rfind(slash) + 1]
    # "a/b//" -> "a/b", but a head made only of slashes is a root and is
    # kept exactly as written ("//" stays "//").
    if head.strip(slash):
        return head.rstrip(slash)
    return head


# -- lexical operations ------------------------------------------------------

def normcase(s):
    # POSIX file names are case-sensitive; nothing to fold.
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def join(a, *p):
    a = _fspath(a)
    slash = _seps(a)[0]
    out = a
    try:
        for piece in p:
            piece = _fspath(piece)
            # startswith() is also the type check: a bytes piece after a
            # str start (or the reverse) raises TypeError right here.
            if piece.startswith(slash):
                # An absolute piece throws away everything before it.
                out = piece
            elif out and not out.endswith(slash):
                out = out + slash + piece
            else:
                out = out + piece
    except TypeError:
        _reject_args("join", (a,) + p)
        raise
    return out


def split(p):
    p = _fspath(p)
    slash = b"/" if isinstance(p, bytes) else "/"
    return _head_of(p, slash), p[p.rfind(slash) + 1:]


def basename(p):
    p = _fspath(p)
    return p[p.rfind(b"/" if isinstance(p, bytes) else "/") + 1:]


def dirname(p):
    p = _fspath(p)
    return _head_of(p, b"/" if isinstance(p, bytes) else "/")


def splitext(p):
    p = _fspath(p)
    if isinstance(p, bytes):
        slash, dot = b"/", b"."
    else:
        slash, dot = "/", "."
    name_start = p.rfind(slash) + 1
    where = p.rfind(dot)
    # Leading dots name a hidden file (".bashrc", "..x"); they never start
    # an extension, so only a dot after some other character of the last
    # component counts.
    if where <= name_start or not p[name_start:where].strip(dot):
        return p, p[:0]
    return p[:where], p[where:]


def normpath(path):
    path = _fspath(path)
    slash, here, up, empty = _seps(path)
    if not path:
        return here
    # POSIX lets an implementation give "//" a meaning of its own, so two
    # leading slashes survive; one, or three and more, become one.
    lead = len(path) - len(path.lstrip(slash))
    if lead > 2:
        lead = 1
    kept = []
    for part in path.split(slash):
        if part == empty or part == here:
            continue
        if part != up:
            kept.append(part)
        elif kept and kept[-1] != up:
            kept.pop()
        elif not lead:
            # A relative path may climb above its start; a rooted one
            # simply stays at the root.
            kept.append(part)
    return (slash * lead + slash.join(kept)) or here


def commonprefix(m):
    """Longest leading run of characters (or items) shared by all of [m]."""
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = [_fspath(item) for item in m]
    # The sorted extremes differ first wherever any pair does.
    low, high = min(m), max(m)
    size = 0
    for a, b in zip(low, high):
        if a != b:
            break
        size += 1
    return low[:size]


def commonpath(paths):
    """Longest sub-path (whole components) shared by every path in [paths]."""
    # Checked twice: once for an empty list, once for an empty iterator.
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    paths = [_fspath(item) for item in paths]
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    _same_kind("commonpath", paths[0], paths[1:])
    slash, here, _, empty = _seps(paths[0])
    rooted = {item.startswith(slash) for item in paths}
    if len(rooted) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_up = [[part for part in item.split(slash) if part and part != here]
                for item in paths]
    # commonprefix() compares lists item by item, i.e. whole components.
    start = slash if rooted.pop() else empty
    return start + slash.join(commonprefix(split_up))


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    slash, here, up, _ = _seps(path)
    start = here if start is None else _fspath(start)
    if isinstance(start, bytes) != isinstance(path, bytes):
        _reject_args("relpath", (path, start))
    target = [part for part in abspath(path).split(slash) if part]
    origin = [part for part in abspath(start).split(slash) if part]
    shared = len(commonprefix([origin, target]))
    steps = [up] * (len(origin) - shared) + target[shared:]
    return slash.join(steps) if steps else here


# -- environment -------------------------------------------------------------

def _passwd_home(match):
    """Home directory of the first /etc/passwd entry [match] accepts."""
    try:
        with open("/etc/passwd") as table:
            for line in table:
                fields = line.rstrip("\n").split(":")
                if len(fields) >= 6 and match(fields):
                    return fields[5]
    except OSError:
        pass
    return None


def expanduser(path):
    path = _fspath(path)
    slash = _seps(path)[0]
    tilde = b"~" if isinstance(path, bytes) else "~"
    if not path.startswith(tilde):
        return path
    end = path.find(slash, 1)
    if end < 0:
        end = len(path)
    if end == 1:
        import os
        home = os.environ.get("HOME")
        if home is None:
            uid = str(_posix.getuid())
            home = _passwd_home(lambda fields: fields[2] == uid)
    else:
        user = path[1:end]
        if isinstance(user, bytes):
            user = user.decode()
        home = _passwd_home(lambda fields: fields[0] == user)
    if home is None:
        return path
    if isinstance(path, bytes):
        home = home.encode()
    return (home.rstrip(slash) + path[end:]) or slash


_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz"
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def _name_end(text, begin):
    # Variable names are ASCII letters, digits and underscores.
    as_bytes = isinstance(text, bytes)
    end = begin
    while end < len(text):
        char = chr(text[end]) if as_bytes else text[end]
        if char not in _NAME_CHARS:
            break
        end += 1
    return end


def expandvars(path):
    path = _fspath(path)
    as_bytes = isinstance(path, bytes)
    if as_bytes:
        dollar, brace_open, brace_close = b"$", b"{", b"}"
    else:
        dollar, brace_open, brace_close = "$", "{", "}"
    if dollar not in path:
        return path
    import os
    out = []
    done = 0      # path[:done] has been copied or replaced into out
    scan = path.find(dollar)
    while scan >= 0:
        if path[scan + 1:scan + 2] == brace_open:
            close = path.find(brace_close, scan + 2)
            if close < 0:
                break
            name, after = path[scan + 2:close], close + 1
        else:
            after = _name_end(path, scan + 1)
            name = path[scan + 1:after]
            if not name:
                scan = path.find(dollar, scan + 1)
                continue
        key = name.decode("ascii", "replace") if as_bytes else name
        value = os.environ.get(key)
        if value is None:
            # Unknown names stay as written, braces included.
            scan = path.find(dollar, after)
            continue
        out.append(path[done:scan])
        out.append(value.encode() if as_bytes else value)
        done = after
        scan = path.find(dollar, after)
    out.append(path[done:])
    return path[:0].join(out)


# -- file system -------------------------------------------------------------

def _cwd_like(path):
    cwd = _posix.getcwd()
    return cwd.encode() if isinstance(path, bytes) else cwd


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(_cwd_like(path), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    path = _fspath(filename)
    slash, here, up, empty = _seps(path)
    if not path.startswith(slash):
        path = _cwd_like(path) + slash + path
    # [todo] is a stack of components still to walk, last item next.  A
    # tuple on it marks the end of a link's target: when it comes up, the
    # link named in it is known to resolve to [where] and is remembered.
    todo = path.split(slash)
    todo.reverse()
    known = {}    # link path -> its resolution, or None while expanding it
    where = slash
    while todo:
        part = todo.pop()
        if isinstance(part, tuple):
            known[part[0]] = where
            continue
        if part == empty or part == here:
            continue
        if part == up:
            where = where[:where.rfind(slash)] or slash
            continue
        candidate = where + part if where == slash else where + slash + part
        try:
            is_link = (_posix.lstat(candidate).st_mode & _TYPE_MASK) == _TYPE_LINK
        except OSError:
            if strict:
                raise
            is_link = False
        if not is_link:
            where = candidate
            continue
        if candidate in known:
            if known[candidate] is not None:
                where = known[candidate]
                continue
            # The link leads back into itself.  Strict mode lets stat()
            # raise ELOOP; otherwise give up here and keep the rest as text.
            if strict:
                _posix.stat(candidate)
            rest = [item for item in reversed(todo) if not isinstance(item, tuple)]
            return normpath(join(candidate, *rest))
        known[candidate] = None
        todo.append((candidate,))
        target = _posix.readlink(candidate)
        pieces = target.split(slash)
        pieces.reverse()
        todo.extend(pieces)
        if target.startswith(slash):
            where = slash
    return where


def _mode_of(path, follow=True):
    try:
        info = _posix.stat(path) if follow else _posix.lstat(path)
    except (OSError, ValueError):
        return None
    return info.st_mode


def _is_type(path, kind, follow=True):
    mode = _mode_of(path, follow)
    return mode is not None and (mode & _TYPE_MASK) == kind


def exists(path):
    return _mode_of(path) is not None


def lexists(path):
    return _mode_of(path, False) is not None


def isfile(path):
    return _is_type(path, _TYPE_FILE)


def isdir(s):
    return _is_type(s, _TYPE_DIR)


def islink(path):
    return _is_type(path, _TYPE_LINK, False)


def ismount(path):
    # A mount point sits on a different device than its parent, or is its
    # own parent (the root).  A symlink is never a mount point.
    try:
        own = _posix.lstat(path)
    except (OSError, ValueError):
        return False
    if (own.st_mode & _TYPE_MASK) == _TYPE_LINK:
        return False
    path = _fspath(path)
    try:
        parent = _posix.lstat(realpath(join(path, _seps(path)[2])))
    except (OSError, ValueError):
        return False
    return own.st_dev != parent.st_dev or own.st_ino == parent.st_ino


def getsize(filename):
    return _posix.stat(filename).st_size


def getmtime(filename):
    return _posix.stat(filename).st_mtime


def getatime(filename):
    return _posix.stat(filename).st_atime


def getctime(filename):
    return _posix.stat(filename).st_ctime


def samestat(s1, s2):
    return (s1.st_dev, s1.st_ino) == (s2.st_dev, s2.st_ino)


def samefile(f1, f2):
    return samestat(_posix.stat(f1), _posix.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(_posix.fstat(fp1), _posix.fstat(fp2))
