"""pkgutil: listing the modules a path or package offers, and reading data
files that ship beside a package's code.

Design notes
------------
iter_modules() asks each path entry's finder (importlib's FileFinder for a
directory) for the importable names it holds: `x.py` gives module x, a
directory with an __init__ file gives package x. Names are reported once,
first entry winning, in the sorted order of each directory's listing.

gilpy's own library is frozen into the binary rather than lying on
sys.path, so iter_modules() with no path also reports the top-level frozen
modules after those of sys.path (their finder is FrozenImporter), and
walk_packages() descends into frozen packages through the frozen table;
this way "is json in the standard library" questions answer as in CPython.
"""

import collections
import os
import sys

import _imp
import importlib
import importlib.machinery
import importlib.util

__all__ = [
    'extend_path', 'find_loader', 'get_data', 'get_importer', 'get_loader',
    'iter_importers', 'iter_modules', 'read_code', 'walk_packages', 'ModuleInfo',
    'resolve_name',
]

ModuleInfo = collections.namedtuple('ModuleInfo', 'module_finder name ispkg')
ModuleInfo.__doc__ = 'One importable name: the finder that has it, and whether it is a package.'


def read_code(stream):
    """gilpy keeps no bytecode files; nothing can be read from one."""
    return None


def get_importer(path_item):
    """The finder for the sys.path entry [path_item], or None when no path
    hook accepts it. Finders are cached in sys.path_importer_cache."""
    path_item = os.fsdecode(path_item)
    cache = sys.path_importer_cache
    if path_item in cache:
        return cache[path_item]
    for hook in sys.path_hooks:
        try:
            finder = hook(path_item)
        except ImportError:
            continue
        cache.setdefault(path_item, finder)
        return finder
    return None


def iter_importers(fullname=''):
    """The finders that could hold [fullname]: sys.meta_path then the path
    entries of its package (or of sys.path for a top-level name)."""
    if fullname.startswith('.'):
        raise ImportError(f'Relative module name {fullname!r} not supported')
    package = fullname.rpartition('.')[0]
    if package:
        owner = sys.modules.get(package) or importlib.import_module(package)
        entries = getattr(owner, '__path__', None)
        if entries is None:
            return
    else:
        yield from sys.meta_path
        entries = sys.path
    for entry in entries:
        yield get_importer(entry)


def _module_name_of(filename):
    """The module name a file in a directory provides, or None."""
    for suffix in sorted(importlib.machinery.all_suffixes(), key=len, reverse=True):
        if filename.endswith(suffix):
            return filename[:-len(suffix)]
    return None


def _names_in_directory(directory, prefix):
    """(name, ispkg) pairs for what [directory] offers to import."""
    try:
        entries = sorted(os.listdir(directory))
    except OSError:
        return
    seen = set()
    for entry in entries:
        name = _module_name_of(entry)
        is_package = False
        full = os.path.join(directory, entry)
        if name is None and '.' not in entry and os.path.isdir(full):
            try:
                inside = os.listdir(full)
            except OSError:
                inside = []
            if not any(_module_name_of(f) == '__init__' for f in inside):
                continue
            name, is_package = entry, True
        if not name or name == '__init__' or '.' in name or name in seen:
            continue
        seen.add(name)
        yield prefix + name, is_package


def _frozen_children(package):
    """(name, ispkg) for the frozen modules directly inside [package]
    ('' for the top level), sorted by name."""
    depth = package.count('.') + 1 if package else 0
    start = package + '.' if package else ''
    found = []
    for name in _imp.frozen_names():
        if name.startswith(start) and name.count('.') == depth:
            found.append((name[len(start):], _imp.is_frozen_package(name)))
    return sorted(found)


def iter_modules(path=None, prefix=''):
    """ModuleInfo for every top-level module found on [path] (a list of
    directories; sys.path and the frozen library when None), each name
    once and preceded by [prefix]."""
    if path is None:
        finders = [get_importer(entry) for entry in sys.path]
    elif isinstance(path, str):
        raise ValueError('path must be None or list of paths to look for modules in')
    else:
        finders = [get_importer(entry) for entry in path]
    reported = set()
    for finder in finders:
        directory = getattr(finder, 'path', None)
        if directory is None:
            continue
        for name, is_package in _names_in_directory(directory, prefix):
            if name not in reported:
                reported.add(name)
                yield ModuleInfo(finder, name, is_package)
    if path is None:
        for name, is_package in _frozen_children(''):
            if prefix + name not in reported:
                reported.add(prefix + name)
                yield ModuleInfo(importlib.machinery.FrozenImporter, prefix + name, is_package)


def walk_packages(path=None, prefix='', onerror=None):
    """Like iter_modules(), then recursively into every package found,
    which means importing the packages. An ImportError while importing one
    is passed to onerror(name) when given, and otherwise ignored; any other
    exception propagates unless onerror handles it."""
    visited = set()

    def walk(entries, prefix, frozen_parent):
        if frozen_parent is not None:
            found = [ModuleInfo(importlib.machinery.FrozenImporter, prefix + name, ispkg)
                     for name, ispkg in _frozen_children(frozen_parent)]
        else:
            found = iter_modules(entries, prefix)
        for info in found:
            yield info
            if not info.ispkg:
                continue
            try:
                __import__(info.name)
            except ImportError:
                if onerror is not None:
                    onerror(info.name)
                continue
            except Exception:
                if onerror is None:
                    raise
                onerror(info.name)
                continue
            package_path = getattr(sys.modules[info.name], '__path__', None) or []
            fresh = [p for p in package_path if p not in visited]
            visited.update(fresh)
            if fresh:
                yield from walk(fresh, info.name + '.', None)
            elif not package_path and _imp.is_frozen(info.name):
                yield from walk(None, info.name + '.', info.name)

    yield from walk(path, prefix, None)


def get_loader(module_or_name):
    """The loader of a module object or of the module a name refers to."""
    if module_or_name in sys.modules:
        module_or_name = sys.modules[module_or_name]
        if module_or_name is None:
            return None
    if isinstance(module_or_name, type(sys)):
        loader = getattr(module_or_name, '__loader__', None)
        if loader is not None:
            return loader
        if getattr(module_or_name, '__spec__', None) is None:
            return None
        fullname = module_or_name.__name__
    else:
        fullname = module_or_name
    return find_loader(fullname)


def find_loader(fullname):
    """The loader that would import [fullname], or None."""
    if fullname.startswith('.'):
        raise ImportError(f'Relative module name {fullname!r} not supported')
    try:
        spec = importlib.util.find_spec(fullname)
    except (ImportError, AttributeError, TypeError, ValueError) as exc:
        raise ImportError(f'Error while finding loader for {fullname!r} '
                          f'({type(exc).__name__}: {exc})') from exc
    return spec.loader if spec is not None else None


def get_data(package, resource):
    """The bytes of [resource] (a '/'-separated path relative to the
    directory of [package]), or None when the package's loader cannot read
    files. The package is imported if it is not already."""
    spec = importlib.util.find_spec(package)
    if spec is None:
        return None
    loader = spec.loader
    if loader is None or not hasattr(loader, 'get_data'):
        return None
    module = sys.modules.get(package) or importlib.import_module(package)
    filename = getattr(module, '__file__', None) or spec.origin
    if not filename or not spec.has_location:
        return None
    parts = [os.path.dirname(filename)] + resource.split('/')
    return loader.get_data(os.path.join(*parts))


def extend_path(path, name):
    """[path] extended with the [name] package directories of every other
    sys.path entry, so that one package can be spread over several
    directories (the pre-namespace-package idiom)."""
    if not isinstance(path, list):
        return path
    leaf = name.rpartition('.')[2]
    parent = name.rpartition('.')[0]
    if parent:
        entries = getattr(sys.modules.get(parent), '__path__', None) or []
    else:
        entries = sys.path
    result = list(path)
    for entry in entries:
        if not isinstance(entry, str) or not os.path.isdir(entry or '.'):
            continue
        candidate = os.path.join(entry, leaf)
        if os.path.isdir(candidate) and candidate not in result:
            result.append(candidate)
        pkg_file = os.path.join(entry, leaf + '.pkg')
        if os.path.isfile(pkg_file):
            with open(pkg_file) as f:
                for line in f:
                    line = line.rstrip('\n')
                    if line and not line.startswith('#') and line not in result:
                        result.append(line)
    return result


_NAME_PATTERN = None


def resolve_name(name):
    """The object named by 'pkg.mod:attr.attr' (or 'pkg.mod.attr.attr'):
    modules are imported as needed, then attributes are followed."""
    import re
    global _NAME_PATTERN
    if _NAME_PATTERN is None:
        word = r'(?!\d)\w+'
        dotted = rf'{word}(\.{word})*'
        _NAME_PATTERN = re.compile(rf'^(?P<module>{dotted})(?P<colon>:(?P<attrs>{dotted})?)?$',
                                   re.UNICODE)
    match = _NAME_PATTERN.match(name)
    if not match:
        raise ValueError(f'invalid format: {name!r}')
    module_part = match.group('module')
    if match.group('colon'):
        obj = importlib.import_module(module_part)
        remaining = match.group('attrs').split('.') if match.group('attrs') else []
    else:
        # Without a colon, the longest importable prefix is the module.
        parts = module_part.split('.')
        obj = importlib.import_module(parts[0])
        taken = 1
        while taken < len(parts):
            candidate = '.'.join(parts[:taken + 1])
            try:
                obj = importlib.import_module(candidate)
            except ImportError:
                break
            taken += 1
        remaining = parts[taken:]
    for attr in remaining:
        obj = getattr(obj, attr)
    return obj
