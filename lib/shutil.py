"""File and directory operations above the os module: copying data and
metadata, copying, moving and deleting whole trees, and finding programs.

Design notes
------------
Covered: copyfileobj, copyfile, copymode, copystat, copy, copy2,
ignore_patterns, copytree, rmtree, move, which, get_terminal_size and the
exception classes.  Left out: archives (make_archive, unpack_archive),
chown, extended attributes and the platform fast paths (sendfile,
copy_file_range); disk_usage exists but raises NotImplementedError because
gilpy's os has no statvfs.

Every copy streams through open() in COPY_BUFSIZE chunks.  Each read and
write drops the GIL inside the io layer, so a long copy does not stall the
other threads or the event loop.

Tree operations walk with os.scandir and recurse per directory.  copytree
keeps going after a failure and raises one shutil.Error listing every
(source, destination, reason) at the end; rmtree reports each failure to
its onerror callback with the os function that failed, which is what
callers that retry or chmod use to decide.  Where CPython has a quirk that
programs can observe (ignore_dangling_symlinks checks the link text
relative to the current directory) it is kept, because CPython's output is
our reference.
"""

import os
import sys

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2",
           "copytree", "move", "rmtree", "Error", "SpecialFileError",
           "ExecError", "which", "SameFileError", "ignore_patterns",
           "disk_usage", "get_terminal_size"]

COPY_BUFSIZE = 64 * 1024

_FIFO_TYPE = 0o010000
_TYPE_BITS = 0o170000
_PERMISSION_BITS = 0o7777


class Error(OSError):
    pass


class SameFileError(Error):
    """Source and destination of a copy are one file."""


class SpecialFileError(OSError):
    """The operation cannot be applied to this kind of file (a FIFO, say)."""


class ExecError(OSError):
    """A command could not be run."""


# ---------------------------------------------------------------------------
# Single files

def copyfileobj(fsrc, fdst, length=0):
    """Copy everything readable from [fsrc] into [fdst], [length] bytes at a time."""
    size = length or COPY_BUFSIZE
    read, write = fsrc.read, fdst.write
    chunk = read(size)
    while chunk:
        write(chunk)
        chunk = read(size)


def _same_file(first, second):
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _refuse_fifo(path):
    # Reading a FIFO would block until a writer shows up, and writing one
    # would feed a reader instead of making a file; CPython refuses both.
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if mode & _TYPE_BITS == _FIFO_TYPE:
        shown = path.path if hasattr(path, "path") else path
        raise SpecialFileError("`%s` is a named pipe" % shown)


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy the contents of [src] to [dst] and return [dst]."""
    if _same_file(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    _refuse_fifo(src)
    _refuse_fifo(dst)
    if not follow_symlinks and os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, "rb") as source:
        try:
            target = open(dst, "wb")
        except IsADirectoryError as err:
            if os.path.exists(dst):
                raise
            raise FileNotFoundError(f"Directory does not exist: {dst}") from err
        with target:
            copyfileobj(source, target)
    return dst


def _both_links(src, dst, follow_symlinks):
    # Without following links, metadata would have to go onto the link
    # itself, which this platform layer cannot do; CPython skips it too.
    return not follow_symlinks and os.path.islink(src) and os.path.islink(dst)


def copymode(src, dst, *, follow_symlinks=True):
    """Give [dst] the permission bits of [src]."""
    if _both_links(src, dst, follow_symlinks):
        return
    os.chmod(dst, os.stat(src).st_mode & _PERMISSION_BITS)


def copystat(src, dst, *, follow_symlinks=True):
    """Give [dst] the permission bits and access/modification times of [src]."""
    if _both_links(src, dst, follow_symlinks):
        return
    info = os.stat(src)
    os.utime(dst, ns=(info.st_atime_ns, info.st_mtime_ns))
    os.chmod(dst, info.st_mode & _PERMISSION_BITS)


def _into_directory(src, dst):
    if os.path.isdir(dst):
        return os.path.join(dst, os.path.basename(src))
    return dst


def _copy_file_and(metadata, src, dst, follow_symlinks):
    # copy() and copy2() differ only in how much metadata follows the data.
    target = _into_directory(src, dst)
    copyfile(src, target, follow_symlinks=follow_symlinks)
    metadata(src, target, follow_symlinks=follow_symlinks)
    return target


def copy(src, dst, *, follow_symlinks=True):
    """Copy data and permission bits, like "cp"; return the new file's path."""
    return _copy_file_and(copymode, src, dst, follow_symlinks)


def copy2(src, dst, *, follow_symlinks=True):
    """Like copy(), but also carries over the timestamps."""
    return _copy_file_and(copystat, src, dst, follow_symlinks)


# ---------------------------------------------------------------------------
# Trees

def ignore_patterns(*patterns):
    """Build a copytree() ignore callback that skips names matching any of
    the glob [patterns]."""
    import fnmatch

    def matching_names(directory, names):
        return {name for glob in patterns for name in fnmatch.filter(names, glob)}

    return matching_names


def _copy_entry(entry, source, target, options):
    symlinks, ignore, copy_function, skip_dangling, exist_ok = options
    if entry.is_symlink():
        link_text = os.readlink(source)
        if symlinks:
            os.symlink(link_text, target)
            copystat(source, target, follow_symlinks=False)
            return
        if skip_dangling and not os.path.exists(link_text):
            return
        if os.path.isdir(source):
            copytree(source, target, symlinks, ignore, copy_function,
                     skip_dangling, exist_ok)
            return
        copy_function(source, target)
    elif entry.is_dir():
        copytree(source, target, symlinks, ignore, copy_function, skip_dangling, exist_ok)
    else:
        copy_function(source, target)


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Copy the directory [src] and everything below it to [dst]; return [dst]."""
    with os.scandir(src) as listing:
        entries = list(listing)
    skipped = set()
    if ignore is not None:
        skipped = ignore(os.fspath(src), [entry.name for entry in entries])
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    options = (symlinks, ignore, copy_function, ignore_dangling_symlinks, dirs_exist_ok)
    problems = []
    for entry in entries:
        if entry.name in skipped:
            continue
        source = os.path.join(src, entry.name)
        target = os.path.join(dst, entry.name)
        try:
            _copy_entry(entry, source, target, options)
        except Error as nested:
            # A failed subtree already collected its own list.
            problems.extend(nested.args[0])
        except OSError as why:
            problems.append((source, target, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        problems.append((src, dst, str(why)))
    if problems:
        raise Error(problems)
    return dst


def _report(onerror, function, path):
    # Called from an except block: hands the exception being handled on.
    onerror(function, path, sys.exc_info())


def _remove_contents(path, onerror):
    try:
        with os.scandir(path) as listing:
            entries = list(listing)
    except OSError:
        _report(onerror, os.scandir, path)
        entries = []
    for entry in entries:
        try:
            is_directory = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_directory = False
        if is_directory:
            _remove_contents(entry.path, onerror)
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            _report(onerror, os.unlink, entry.path)
    try:
        os.rmdir(path)
    except OSError:
        _report(onerror, os.rmdir, path)


def rmtree(path, ignore_errors=False, onerror=None):
    """Delete the directory [path] with everything in it.

    Failures go to onerror(function, path, exc_info); without a callback
    they are raised, and with [ignore_errors] they are dropped."""
    if ignore_errors:
        def onerror(*failure):
            pass
    elif onerror is None:
        def onerror(*failure):
            raise
    try:
        os.lstat(path)
    except OSError:
        _report(onerror, os.lstat, path)
        return
    try:
        if os.path.islink(path):
            # Following the link would delete a tree the caller never named.
            raise OSError("Cannot call rmtree on a symbolic link")
    except OSError:
        _report(onerror, os.path.islink, path)
        return
    _remove_contents(path, onerror)


def _inside(src, dst):
    # True when [dst] lies within the directory [src] (or is [src]).
    here = os.path.join(os.path.abspath(src), "")
    there = os.path.join(os.path.abspath(dst), "")
    return there.startswith(here)


def move(src, dst, copy_function=copy2):
    """Move a file or tree to [dst] (into it, if it is a directory); rename
    when possible, copy and delete otherwise.  Returns the new path."""
    destination = dst
    if os.path.isdir(dst):
        if _same_file(src, dst):
            # Only the spelling of the name changes (case-insensitive
            # file systems); a rename does it.
            os.rename(src, dst)
            return
        trimmed = os.fspath(src).rstrip(os.path.sep + (os.path.altsep or ""))
        destination = os.path.join(dst, os.path.basename(trimmed))
        if os.path.exists(destination):
            raise Error("Destination path '%s' already exists" % destination)
    try:
        os.rename(src, destination)
        return destination
    except OSError:
        pass
    if os.path.islink(src):
        os.symlink(os.readlink(src), destination)
        os.unlink(src)
    elif os.path.isdir(src):
        if _inside(src, dst):
            raise Error("Cannot move a directory '%s' into itself '%s'." % (src, dst))
        copytree(src, destination, copy_function=copy_function, symlinks=True)
        rmtree(src)
    else:
        copy_function(src, destination)
        os.unlink(src)
    return destination


# ---------------------------------------------------------------------------
# The environment

def disk_usage(path):
    raise NotImplementedError("shutil.disk_usage is not available in gilpy")


def _size_from_environment(name):
    try:
        return int(os.environ[name])
    except (KeyError, ValueError):
        return 0


def get_terminal_size(fallback=(80, 24)):
    """The terminal's (columns, lines): $COLUMNS and $LINES win, then the
    terminal on stdout, then [fallback]."""
    columns = _size_from_environment("COLUMNS")
    lines = _size_from_environment("LINES")
    if columns <= 0 or lines <= 0:
        try:
            stream = getattr(sys, "__stdout__", None)
            measured = os.get_terminal_size(stream.fileno() if stream else 1)
        except (AttributeError, ValueError, OSError):
            measured = os.terminal_size(fallback)
        if columns <= 0:
            columns = measured.columns or fallback[0]
        if lines <= 0:
            lines = measured.lines or fallback[1]
    return os.terminal_size((columns, lines))


def _usable(candidate, mode):
    return os.path.exists(candidate) and os.access(candidate, mode) \
        and not os.path.isdir(candidate)


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """Where [cmd] would be found on [path] (default $PATH), or None.

    A [cmd] that contains a directory part is checked as given."""
    if os.path.dirname(cmd):
        return cmd if _usable(cmd, mode) else None
    if path is None:
        path = os.environ.get("PATH")
        if path is None:
            path = os.defpath
    if not path:
        return None
    if isinstance(cmd, bytes):
        directories = os.fsencode(path).split(os.fsencode(os.pathsep))
    else:
        directories = os.fsdecode(path).split(os.pathsep)
    tried = set()
    for directory in directories:
        key = os.path.normcase(directory)
        if key in tried:
            continue
        tried.add(key)
        candidate = os.path.join(directory, cmd)
        if _usable(candidate, mode):
            return candidate
    return None
