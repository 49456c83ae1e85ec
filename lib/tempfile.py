"""Temporary files and directories (a subset of CPython's tempfile):
gettempdir, gettempprefix, mkstemp, mkdtemp, mktemp, NamedTemporaryFile,
TemporaryFile, TemporaryDirectory.

Names are made from os.urandom, and files are created with O_EXCL, so two
threads or processes never get the same name.
"""

import os as _os
import shutil as _shutil

__all__ = ["NamedTemporaryFile", "TemporaryFile", "TemporaryDirectory",
           "mkstemp", "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix",
           "tempdir", "gettempdir", "gettempprefixb", "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"
_BIN_OPENFLAGS = _os.O_RDWR | _os.O_CREAT | _os.O_EXCL
if hasattr(_os, 'O_NOFOLLOW'):
    _BIN_OPENFLAGS |= _os.O_NOFOLLOW


def _random_name():
    raw = _os.urandom(8)
    return ''.join(_CHARACTERS[b % len(_CHARACTERS)] for b in raw)


def _candidate_tempdir_list():
    dirlist = []
    for envname in 'TMPDIR', 'TEMP', 'TMP':
        dirname = _os.getenv(envname)
        if dirname:
            dirlist.append(dirname)
    dirlist.extend(['/tmp', '/var/tmp', '/usr/tmp'])
    try:
        dirlist.append(_os.getcwd())
    except OSError:
        dirlist.append(_os.curdir)
    return dirlist


def _get_default_tempdir():
    for dir in _candidate_tempdir_list():
        if dir != _os.curdir:
            dir = _os.path.abspath(dir)
        if _os.path.isdir(dir) and _os.access(dir, _os.W_OK | _os.X_OK):
            return dir
    raise FileNotFoundError(2, "No usable temporary directory found in %s" %
                            _candidate_tempdir_list())


def gettempprefix():
    """The default prefix for temporary directories as string."""
    return template


def gettempprefixb():
    return template.encode()


def gettempdir():
    """Returns tempfile.tempdir (as str), computing it on first use."""
    global tempdir
    if tempdir is None:
        tempdir = _get_default_tempdir()
    return tempdir


def gettempdirb():
    return gettempdir().encode()


def _sanitize_params(prefix, suffix, dir):
    if suffix is None:
        suffix = ''
    if prefix is None:
        prefix = template
    if dir is None:
        dir = gettempdir()
    return prefix, suffix, _os.fspath(dir)


def _mkstemp_inner(dir, pre, suf, flags):
    for seq in range(TMP_MAX):
        name = _random_name()
        file = _os.path.join(dir, pre + name + suf)
        try:
            fd = _os.open(file, flags, 0o600)
        except FileExistsError:
            continue
        return fd, _os.path.abspath(file)
    raise FileExistsError(17, "No usable temporary file name found")


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create and open a temporary file securely: returns (fd, absolute path)."""
    prefix, suffix, dir = _sanitize_params(prefix, suffix, dir)
    return _mkstemp_inner(dir, prefix, suffix, _BIN_OPENFLAGS)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a temporary directory securely and return its absolute path."""
    prefix, suffix, dir = _sanitize_params(prefix, suffix, dir)
    for seq in range(TMP_MAX):
        name = _random_name()
        file = _os.path.join(dir, prefix + name + suffix)
        try:
            _os.mkdir(file, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(file)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """User-callable function to return a unique temporary file name (unsafe)."""
    if dir is None:
        dir = gettempdir()
    for seq in range(TMP_MAX):
        name = _random_name()
        file = _os.path.join(dir, prefix + name + suffix)
        if not _os.path.exists(file):
            return file
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object that deletes its file when it is closed."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        result = self.file.__exit__(exc, value, tb)
        self._cleanup()
        return result

    def close(self):
        try:
            self.file.close()
        finally:
            self._cleanup()

    def _cleanup(self):
        if not self._closed:
            self._closed = True
            if self.delete:
                try:
                    _os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __iter__(self):
        for line in self.file:
            yield line

    def __del__(self):
        if not self._closed:
            try:
                self.file.close()
            finally:
                self._cleanup()

    def __repr__(self):
        return '<tempfile._TemporaryFileWrapper file=%r>' % (self.file,)


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None,
                       newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None):
    """Create and return a temporary file with a visible name, deleted on close
    when [delete]."""
    prefix, suffix, dir = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _BIN_OPENFLAGS)
    try:
        file = open(fd, mode, buffering=buffering, newline=newline,
                    encoding=encoding, errors=errors)
    except BaseException:
        _os.unlink(name)
        _os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None,
                  newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """Create and return a temporary file without a name (unlinked at once)."""
    prefix, suffix, dir = _sanitize_params(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _BIN_OPENFLAGS)
    try:
        _os.unlink(name)
        return open(fd, mode, buffering=buffering, newline=newline,
                    encoding=encoding, errors=errors)
    except BaseException:
        _os.close(fd)
        raise


class TemporaryDirectory:
    """Create and return a temporary directory, removed by cleanup() or at
    the end of a with block (which binds the directory's name)."""

    def __init__(self, suffix=None, prefix=None, dir=None,
                 ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._done and _os.path.exists(self.name):
            self._done = True
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)

    def __del__(self):
        if not self._done:
            try:
                self.cleanup()
            except Exception:
                pass
