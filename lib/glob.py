"""Shell-style pathname expansion: glob, iglob, escape, has_magic.

Design notes
------------
A pattern is peeled from the right.  Its last component is matched inside
every directory that its leading part expands to; that leading part is
expanded the same way (asking only for directories) when it has wildcards
of its own, and is taken literally otherwise.  So "a*/b?/c" lists the
directories matching "a*", inside each of them the directories matching
"b?", and looks for a literal "c" in those.

A last component comes in three kinds: a literal name (one existence
check, no listing), a wildcard (list the directory, filter with fnmatch)
and, with recursive=True, "**", which stands for the directory itself ("")
followed by everything below it.  Names beginning with a dot only match
patterns that begin with one, unless include_hidden is set.  Results come
in the order the directories list them, as in CPython.

str and bytes patterns both work and give results of the same type.
root_dir is honoured; dir_fd is accepted for compatibility but ignored,
because gilpy's os has no *at() variants of scandir.
"""

import fnmatch
import os

__all__ = ["glob", "iglob", "escape", "has_magic"]

_WILDCARDS = "*?["


def has_magic(s):
    """Whether [s] (str or bytes) contains a *, ? or [ wildcard."""
    if isinstance(s, bytes):
        return any(byte in b"*?[" for byte in s)
    return any(ch in _WILDCARDS for ch in s)


def escape(pathname):
    """Bracket every wildcard in [pathname] so that it matches literally."""
    if isinstance(pathname, bytes):
        return b"".join(bytes([91, byte, 93]) if byte in b"*?[" else bytes([byte])
                        for byte in pathname)
    return "".join("[" + ch + "]" if ch in _WILDCARDS else ch for ch in pathname)


def _is_double_star(component):
    return component == "**" or component == b"**"


def _hidden(name):
    return name[:1] in (".", b".")


def _under(root, path):
    # root_dir applies to relative patterns only; os.path.join already
    # lets an absolute [path] win.
    if not root or not path:
        return root or path
    return os.path.join(root, path)


def _entries(directory, dirs_only):
    """Names in [directory] ('' is the current one), or none if unreadable."""
    try:
        here = directory or (b"." if isinstance(directory, bytes) else os.curdir)
        with os.scandir(here) as listing:
            found = []
            for entry in listing:
                try:
                    if dirs_only and not entry.is_dir():
                        continue
                except OSError:
                    continue
                found.append(entry.name)
            return found
    except OSError:
        return []


def _descendants(directory, dirs_only, include_hidden):
    # Every name below [directory], relative to it, parents before children.
    for name in _entries(directory, dirs_only):
        if _hidden(name) and not include_hidden:
            continue
        yield name
        for below in _descendants(_under(directory, name), dirs_only, include_hidden):
            yield os.path.join(name, below)


def _matches_in(directory, component, dirs_only, recursive, include_hidden):
    """The names in [directory] that the last pattern [component] selects."""
    if recursive and _is_double_star(component):
        yield component[:0]
        yield from _descendants(directory, dirs_only, include_hidden)
    elif has_magic(component):
        names = _entries(directory, dirs_only)
        if not (include_hidden or _hidden(component)):
            names = [name for name in names if not _hidden(name)]
        yield from fnmatch.filter(names, component)
    elif component:
        if os.path.lexists(_under(directory, component)):
            yield component
    elif os.path.isdir(directory):
        # A pattern ending in a separator asks whether the directory exists.
        yield component


def _expand(pattern, root, dirs_only, recursive, include_hidden):
    head, last = os.path.split(pattern)
    if not has_magic(pattern):
        wanted = _under(root, pattern) if last else _under(root, head)
        if (os.path.lexists if last else os.path.isdir)(wanted):
            yield pattern
        return
    if head and head != pattern and has_magic(head):
        parents = _expand(head, root, True, recursive, include_hidden)
    else:
        parents = [head]
    for parent in parents:
        for name in _matches_in(_under(root, parent), last, dirs_only, recursive,
                                include_hidden):
            yield os.path.join(parent, name) if parent else name


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    """Iterate over the existing paths that match [pathname]."""
    pathname = os.fspath(pathname)
    root = pathname[:0] if root_dir is None else os.fspath(root_dir)
    found = _expand(pathname, root, False, recursive, include_hidden)
    if not pathname or (recursive and _is_double_star(pathname[:2])):
        # "**" at the very front would name the starting directory itself
        # as an empty string; that is not a result.
        return _skip_leading_empty(found)
    return found


def _skip_leading_empty(found):
    for index, path in enumerate(found):
        if index or path:
            yield path


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    """The list of existing paths that match [pathname]."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))
