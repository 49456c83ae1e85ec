"""Cache of source lines, read by traceback and warnings to show code.

Design notes
------------
Source files are read whole, once, and kept as a list of lines (each with
its newline) keyed by file name, together with the size and modification
time seen when they were read so that checkcache() can drop stale entries.
Names in angle brackets (<string>, <frozen os>) have no file behind them and
always yield ''. A relative name that is not found as given is looked up in
each directory of sys.path, as CPython does for modules imported from there.
"""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache", "getlines", "updatecache"]

# filename -> (size, mtime, lines, fullname)
cache = {}


def clearcache():
    """Forget every cached file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line [lineno] (1-based) of [filename] with its newline, or ''."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def getlines(filename, module_globals=None):
    """All lines of [filename], reading it on first use; [] if unreadable."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drop cache entries whose file changed size or time (all, or one)."""
    names = list(cache) if filename is None else [filename]
    for name in names:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, _lines, fullname = entry
        if mtime is None:
            continue
        try:
            st = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def _find(filename):
    """The stat result and path of [filename], searching sys.path for a
    relative name; (None, None) when there is no such file."""
    try:
        return os.stat(filename), filename
    except (OSError, ValueError):
        pass
    if os.path.isabs(filename):
        return None, None
    for directory in sys.path:
        if not isinstance(directory, str):
            continue
        full = os.path.join(directory, filename)
        try:
            return os.stat(full), full
        except (OSError, ValueError):
            continue
    return None, None


def updatecache(filename, module_globals=None):
    """(Re)read [filename] into the cache and return its lines."""
    cache.pop(filename, None)
    if not filename or (filename.startswith('<') and filename.endswith('>')):
        return []
    st, fullname = _find(filename)
    if st is None:
        return []
    try:
        with open(fullname, encoding='utf-8', errors='replace') as f:
            lines = f.readlines()
    except (OSError, UnicodeError, SyntaxError):
        return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = (st.st_size, st.st_mtime, lines, fullname)
    return lines


def lazycache(filename, module_globals):
    """Accepted for compatibility: gilpy has no module loaders that serve
    source lazily, so nothing is registered and False is returned."""
    return False
