"""Common operations on POSIX pathnames (os.path), as CPython's posixpath.

Pure string functions work on str and bytes alike; the ones that ask the
file system go through the posix module, whose calls release the GIL.
This module imports posix rather than os: os imports it while it is
itself being initialised.
"""

import posix as _posix

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat", "curdir",
           "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath",
           "commonpath"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    fspath = getattr(type(path), '__fspath__', None)
    if fspath is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(path).__name__)
    result = fspath(path)
    if isinstance(result, (str, bytes)):
        return result
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                    .format(type(path).__name__, type(result).__name__))


def _check_arg_types(funcname, *args):
    hasstr = hasbytes = False
    for s in args:
        if isinstance(s, str):
            hasstr = True
        elif isinstance(s, bytes):
            hasbytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if hasstr and hasbytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def _get_sep(path):
    return b'/' if isinstance(path, bytes) else '/'


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_get_sep(s))


def join(a, *p):
    a = _fspath(a)
    sep = _get_sep(a)
    path = a
    try:
        if not p:
            path[:0] + sep
        for b in map(_fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError):
        _check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    p = _fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def _splitext(p, sep, altsep, extsep):
    sepIndex = p.rfind(sep)
    if altsep:
        altsepIndex = p.rfind(altsep)
        sepIndex = max(sepIndex, altsepIndex)
    dotIndex = p.rfind(extsep)
    if dotIndex > sepIndex:
        filenameIndex = sepIndex + 1
        while filenameIndex < dotIndex:
            if p[filenameIndex:filenameIndex + 1] != extsep:
                return p[:dotIndex], p[dotIndex:]
            filenameIndex += 1
    return p, p[:0]


def splitext(p):
    p = _fspath(p)
    if isinstance(p, bytes):
        return _splitext(p, b'/', None, b'.')
    return _splitext(p, '/', None, '.')


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    return p[i:]


def dirname(p):
    p = _fspath(p)
    sep = _get_sep(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def _mode(path, follow=True):
    try:
        st = _posix.stat(path) if follow else _posix.lstat(path)
    except (OSError, ValueError):
        return None
    return st.st_mode


def exists(path):
    """Test whether a path exists. Returns False for broken symbolic links."""
    return _mode(path) is not None


def lexists(path):
    """Test whether a path exists. Returns True for broken symbolic links."""
    return _mode(path, False) is not None


def isfile(path):
    mode = _mode(path)
    return mode is not None and (mode & _S_IFMT) == _S_IFREG


def isdir(s):
    mode = _mode(s)
    return mode is not None and (mode & _S_IFMT) == _S_IFDIR


def islink(path):
    mode = _mode(path, False)
    return mode is not None and (mode & _S_IFMT) == _S_IFLNK


def ismount(path):
    try:
        s1 = _posix.lstat(path)
    except (OSError, ValueError):
        return False
    if (s1.st_mode & _S_IFMT) == _S_IFLNK:
        return False
    path = _fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    parent = realpath(parent)
    try:
        s2 = _posix.lstat(parent)
    except (OSError, ValueError):
        return False
    if s1.st_dev != s2.st_dev:
        return True
    return s1.st_ino == s2.st_ino


def getsize(filename):
    """Return the size of a file, reported by os.stat()."""
    return _posix.stat(filename).st_size


def getmtime(filename):
    return _posix.stat(filename).st_mtime


def getatime(filename):
    return _posix.stat(filename).st_atime


def getctime(filename):
    return _posix.stat(filename).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(_posix.stat(f1), _posix.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(_posix.fstat(fp1), _posix.fstat(fp2))


def commonprefix(m):
    """Given a list of pathnames, returns the longest common leading component."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def expanduser(path):
    """Expand ~ and ~user constructions."""
    path = _fspath(path)
    if isinstance(path, bytes):
        tilde = b'~'
    else:
        tilde = '~'
    if not path.startswith(tilde):
        return path
    sep = _get_sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        import os
        if 'HOME' not in os.environ:
            return path
        userhome = os.environ['HOME']
    else:
        name = path[1:i]
        if isinstance(name, bytes):
            name = name.decode('utf-8')
        userhome = None
        try:
            with open('/etc/passwd') as f:
                for line in f:
                    fields = line.rstrip('\n').split(':')
                    if len(fields) >= 6 and fields[0] == name:
                        userhome = fields[5]
                        break
        except OSError:
            pass
        if userhome is None:
            return path
    if isinstance(path, bytes):
        userhome = userhome.encode('utf-8')
    root = b'/' if isinstance(path, bytes) else '/'
    userhome = userhome.rstrip(root)
    return (userhome + path[i:]) or root


def expandvars(path):
    """Expand shell variables of form $var and ${var}. Unknown variables are left unchanged."""
    path = _fspath(path)
    if isinstance(path, bytes):
        return path
    if '$' not in path:
        return path
    import os
    result = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != '$' or i + 1 >= n:
            result.append(c)
            i += 1
            continue
        if path[i + 1] == '{':
            end = path.find('}', i + 2)
            if end < 0:
                result.append(path[i:])
                break
            name = path[i + 2:end]
            following = end + 1
        else:
            j = i + 1
            while j < n and (path[j].isalnum() or path[j] == '_'):
                j += 1
            name = path[i + 1:j]
            following = j
        if name and name in os.environ:
            result.append(os.environ[name])
        else:
            result.append(path[i:following])
        i = following
    return ''.join(result)


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = _fspath(path)
    if isinstance(path, bytes):
        sep = b'/'
        empty = b''
        dot = b'.'
        dotdot = b'..'
    else:
        sep = '/'
        empty = ''
        dot = '.'
        dotdot = '..'
    if path == empty:
        return dot
    initial_slashes = path.startswith(sep)
    if (initial_slashes and path.startswith(sep * 2)
            and not path.startswith(sep * 3)):
        initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in (empty, dot):
            continue
        if (comp != dotdot or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == dotdot)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    comps = new_comps
    path = sep.join(comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or dot


def abspath(path):
    """Return an absolute path."""
    path = _fspath(path)
    if not isabs(path):
        if isinstance(path, bytes):
            cwd = _posix.getcwd().encode('utf-8')
        else:
            cwd = _posix.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Return the canonical path of the specified filename, eliminating any
    symbolic links encountered in the path."""
    filename = _fspath(filename)
    path, ok = _joinrealpath(filename[:0], filename, strict, {})
    return abspath(path)


def _joinrealpath(path, rest, strict, seen):
    if isinstance(path, bytes):
        sep = b'/'
        curdir = b'.'
        pardir = b'..'
    else:
        sep = '/'
        curdir = '.'
        pardir = '..'

    if isabs(rest):
        rest = rest[1:]
        path = sep

    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == curdir:
            continue
        if name == pardir:
            if path:
                path, name = split(path)
                if name == pardir:
                    path = join(path, pardir, pardir)
            else:
                path = pardir
            continue
        newpath = join(path, name)
        try:
            st = _posix.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = (st.st_mode & _S_IFMT) == _S_IFLNK
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            path = seen[newpath]
            if path is not None:
                continue
            if strict:
                _posix.stat(newpath)
            else:
                return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _joinrealpath(path, _posix.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path

    return path, True


def relpath(path, start=None):
    """Return a relative version of a path."""
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    if isinstance(path, bytes):
        curdir = b'.'
        sep = b'/'
        pardir = b'..'
    else:
        curdir = '.'
        sep = '/'
        pardir = '..'
    if start is None:
        start = curdir
    else:
        start = _fspath(start)
    try:
        start_list = [x for x in abspath(start).split(sep) if x]
        path_list = [x for x in abspath(path).split(sep) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir
        return join(*rel_list)
    except (TypeError, AttributeError):
        _check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Given a sequence of path names, returns the longest common sub-path."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    if isinstance(paths[0], bytes):
        sep = b'/'
        curdir = b'.'
    else:
        sep = '/'
        curdir = '.'
    try:
        split_paths = [path.split(sep) for path in paths]
        try:
            isabs, = set(p[:1] == sep for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        _check_arg_types('commonpath', *paths)
        raise
