"""Source lines of files, read once and kept, for traceback, warnings and
inspect to quote code.

Design notes
------------
`cache` maps a file name to (size, mtime, lines, full path), the entry
format CPython uses and programs sometimes fill in by hand.  Every line
keeps its newline; a last line without one gets it added, so callers can
always strip a line or print it as it is.

A name is tried as given, then (if relative) under each directory of
sys.path, the way a module imported from there was found.  Names in
angle brackets (<string>, <stdin>, <frozen os>) never have a file.

checkcache() compares the size and mtime recorded for an entry with the
file's current ones and forgets the entry when they differ (or the file is
gone); an entry whose mtime is None was made by hand and is kept.

Left out: lazy entries supplied by module loaders (gilpy's loaders cannot
serve source, so lazycache() registers nothing), and source encodings
other than UTF-8 (undecodable bytes become U+FFFD).
"""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache", "getlines", "updatecache"]

cache = {}


def clearcache():
    """Forget every file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line [lineno] of [filename], counting from 1, with its newline; ''
    for a line or file that does not exist."""
    lines = getlines(filename, module_globals)
    return lines[lineno - 1] if 0 < lineno <= len(lines) else ''


def getlines(filename, module_globals=None):
    """Every line of [filename] ([] when it cannot be read)."""
    entry = cache.get(filename)
    if entry is not None and len(entry) == 4:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        # Reading a huge file failed: free what is cached and go on.
        clearcache()
        return []


def _is_stale(entry):
    size, mtime, _, path = entry
    if mtime is None:
        return False
    try:
        now = os.stat(path)
    except OSError:
        return True
    return (now.st_size, now.st_mtime) != (size, mtime)


def checkcache(filename=None):
    """Forget the cached copy of [filename] (of every file by default) if
    the file changed or vanished since it was read."""
    names = list(cache) if filename is None else [filename]
    for name in names:
        entry = cache.get(name)
        if entry is not None and len(entry) == 4 and _is_stale(entry):
            del cache[name]


def _locate(filename):
    """(os.stat result, path) for [filename], or None."""
    candidates = [filename]
    if not os.path.isabs(filename):
        candidates += [os.path.join(folder, filename) for folder in sys.path
                       if isinstance(folder, str)]
    for path in candidates:
        try:
            return os.stat(path), path
        except (OSError, ValueError):
            continue
    return None


def updatecache(filename, module_globals=None):
    """Read [filename] again, cache and return its lines ([] if it cannot
    be read, in which case nothing is cached)."""
    cache.pop(filename, None)
    if not filename or filename[:1] + filename[-1:] == '<>':
        return []
    found = _locate(filename)
    if found is None:
        return []
    info, path = found
    try:
        with open(path, encoding='utf-8', errors='replace') as source:
            lines = source.readlines()
    except (OSError, UnicodeError, SyntaxError):
        return []
    if lines and lines[-1][-1:] != '\n':
        lines[-1] += '\n'
    cache[filename] = (info.st_size, info.st_mtime, lines, path)
    return lines


def lazycache(filename, module_globals):
    """Always False: no gilpy loader can hand out source later."""
    return False
