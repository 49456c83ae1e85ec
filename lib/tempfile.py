"""Temporary files and directories with unguessable names.

Design notes
------------
Covered: gettempdir/gettempdirb, gettempprefix/gettempprefixb, mkstemp,
mkdtemp, mktemp, NamedTemporaryFile, TemporaryFile and TemporaryDirectory.
Left out: SpooledTemporaryFile and the O_TMPFILE fast path.

Every name is the prefix, eight characters drawn from os.urandom, and the
suffix.  Files are created with O_CREAT|O_EXCL (and O_NOFOLLOW), directories
with mkdir, so a name someone else already took, or a symlink planted under
it, simply makes us try the next one; nothing is ever opened that we did
not create.  Files get mode 0600 and directories 0700.

str and bytes work alike: when any of prefix, suffix or dir is bytes the
whole name is built as bytes, and mixing the two is a TypeError, as in
CPython.

The default directory is chosen once, from $TMPDIR, $TEMP, $TMP, then the
usual system places and finally the working directory, and is remembered in
the module attribute `tempdir` (assign None to it to choose again).
"""

import os as _os
import shutil as _shutil

__all__ = ["NamedTemporaryFile", "TemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix",
           "tempdir", "gettempdir", "gettempprefixb", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_NAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789_"
_NAME_LENGTH = 8
_CREATE_FLAGS = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL | getattr(_os, "O_NOFOLLOW", 0)


def _fresh_name():
    return "".join(_NAME_ALPHABET[byte % len(_NAME_ALPHABET)]
                   for byte in _os.urandom(_NAME_LENGTH))


def _usable_directory(path):
    return _os.path.isdir(path) and _os.access(path, _os.W_OK | _os.X_OK)


def _choose_tempdir():
    places = [_os.getenv(var) for var in ("TMPDIR", "TEMP", "TMP")]
    places += ["/tmp", "/var/tmp", "/usr/tmp"]
    try:
        places.append(_os.getcwd())
    except OSError:
        places.append(_os.curdir)
    places = [place for place in places if place]
    for place in places:
        candidate = place if place == _os.curdir else _os.path.abspath(place)
        if _usable_directory(candidate):
            return candidate
    raise FileNotFoundError(2, "No usable temporary directory found in %s" % places)


def gettempprefix():
    """The prefix used when none is given, as str."""
    return template


def gettempprefixb():
    """The prefix used when none is given, as bytes."""
    return _os.fsencode(template)


def gettempdir():
    """The default directory for temporary files, as str."""
    global tempdir
    if tempdir is None:
        tempdir = _choose_tempdir()
    return tempdir


def gettempdirb():
    """The default directory for temporary files, as bytes."""
    return _os.fsencode(gettempdir())


def _name_parts(prefix, suffix, dir):
    """Fill in defaults and settle on str or bytes for the whole name."""
    given = [part for part in (prefix, suffix, dir) if part is not None]
    wants_bytes = any(isinstance(part, bytes) for part in given)
    if wants_bytes and not all(isinstance(part, bytes) for part in given):
        raise TypeError("Can't mix bytes and non-bytes in path components.")
    if wants_bytes:
        return (gettempprefixb() if prefix is None else prefix,
                b"" if suffix is None else suffix,
                gettempdirb() if dir is None else dir, True)
    return (template if prefix is None else prefix,
            "" if suffix is None else suffix,
            gettempdir() if dir is None else _os.fspath(dir), False)


def _candidates(prefix, suffix, dir, as_bytes):
    # TMP_MAX fresh paths; the callers stop at the first one they can claim.
    for _ in range(TMP_MAX):
        name = _fresh_name()
        if as_bytes:
            name = name.encode("ascii")
        yield _os.path.join(dir, prefix + name + suffix)


def _claim_file(prefix, suffix, dir, as_bytes):
    for path in _candidates(prefix, suffix, dir, as_bytes):
        try:
            handle = _os.open(path, _CREATE_FLAGS, 0o600)
        except FileExistsError:
            continue
        return handle, _os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create a new file only we can read and write; return (fd, absolute path).

    The caller owns both and must close and delete them."""
    return _claim_file(*_name_parts(prefix, suffix, dir))


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a new directory only we can use and return its absolute path."""
    for path in _candidates(*_name_parts(prefix, suffix, dir)):
        try:
            _os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name that did not exist a moment ago.  Racy: prefer mkstemp."""
    for path in _candidates(prefix, suffix, gettempdir() if dir is None else dir, False):
        if not _os.path.exists(path):
            return path
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object with a name on disk that goes away when it is closed.

    Anything not defined here is looked up on the wrapped file."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._released = False

    def __getattr__(self, attribute):
        return getattr(self.__dict__["file"], attribute)

    def __iter__(self):
        # Iterating the file directly keeps this wrapper (and so the file)
        # alive for as long as the loop runs.
        yield from self.file

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        outcome = self.file.__exit__(exc, value, tb)
        self.close()
        return outcome

    def close(self):
        if self._released:
            return
        self._released = True
        try:
            self.file.close()
        finally:
            if self.delete:
                _os.unlink(self.name)

    def __del__(self):
        if not self._released:
            try:
                self.close()
            except OSError:
                pass


def _open_claimed(handle, mode, buffering, encoding, newline, errors):
    return open(handle, mode, buffering=buffering, newline=newline,
                encoding=encoding, errors=errors)


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None,
                       newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None):
    """A new file opened in [mode] whose path is in .name; with [delete]
    the file is removed when closed."""
    handle, path = _claim_file(*_name_parts(prefix, suffix, dir))
    try:
        stream = _open_claimed(handle, mode, buffering, encoding, newline, errors)
    except BaseException:
        _os.unlink(path)
        _os.close(handle)
        raise
    return _TemporaryFileWrapper(stream, path, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None,
                  newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """A new file with no name at all: it is unlinked straight away, so the
    space is returned as soon as it is closed."""
    handle, path = _claim_file(*_name_parts(prefix, suffix, dir))
    try:
        _os.unlink(path)
        return _open_claimed(handle, mode, buffering, encoding, newline, errors)
    except BaseException:
        _os.close(handle)
        raise


class TemporaryDirectory:
    """A new directory, removed with its contents by cleanup() or when the
    with block ends (the with statement binds its path)."""

    def __init__(self, suffix=None, prefix=None, dir=None,
                 ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._removed = False

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._removed:
            return
        self._removed = True
        # The directory may already be gone (the caller removed it); that
        # is not an error.
        if _os.path.exists(self.name):
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    def __del__(self):
        if not self._removed:
            try:
                self.cleanup()
            except Exception:
                pass
