"""importlib: the import system as a library.

Design notes
------------
The work is done in importlib._bootstrap (see its notes for how it relates
to gilpy's C import statement). This package holds the three functions most
programs use: import_module(), reload() and invalidate_caches(). Importing
importlib also gives sys the meta_path, path_hooks and path_importer_cache
containers CPython has. gilpy's `import` statement keeps its own search
for the standard places, but once importlib is loaded it asks finders a
program adds to sys.meta_path first (see importlib._bootstrap); the
path_hooks are only used by importlib's PathFinder and pkgutil.
"""

import builtins
import sys

from importlib import _bootstrap

__all__ = [
    '__import__',
    'import_module',
    'invalidate_caches',
    'reload',
]


def __import__(name, globals=None, locals=None, fromlist=(), level=0):
    """The import statement's own entry point, as a function."""
    return _builtin_import(name, globals, locals, fromlist, level)


_builtin_import = builtins.__import__


def import_module(name, package=None):
    """Imports the module [name] and returns it (the module itself, not its
    top-level package). A name starting with dots is relative to [package]."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            f"import for {name!r}")
        level = len(name) - len(name.lstrip('.'))
    return _bootstrap._import_by_name(name[level:], package, level)


def invalidate_caches():
    """Asks every finder on sys.meta_path to forget what it has cached."""
    for entry in list(sys.meta_path):
        forget = getattr(entry, 'invalidate_caches', None)
        if forget is not None:
            forget()


def reload(module):
    """Runs [module]'s code again in its existing namespace and returns the
    (possibly replaced) sys.modules entry."""
    return _bootstrap._reload(module)
